/** The embedded PostgreSQL used when the service runs in development with no database configured. */
package io.customeridentity.shared.devdb;
