/**
 * The embedded PostgreSQL used when the service runs in development with no database configured: one run per data
 * directory, and what a killed run left behind is cleared at the next start.
 */
package io.customeridentity.shared.devdb;
