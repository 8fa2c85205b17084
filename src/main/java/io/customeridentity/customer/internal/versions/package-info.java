/** Append-only profile versions: the JPA entities and repositories, the hot current-version read, past versions, and changes. */
package io.customeridentity.customer.internal.versions;
