/** JDBC storage of external IDs and the resolution and duplicate logic; private to the resolution module. */
package io.customeridentity.resolution.internal;
