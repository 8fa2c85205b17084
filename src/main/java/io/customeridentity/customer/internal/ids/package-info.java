/** Customer-ID wiring: the configured prefixes, the FF1 key kept stable in the database, and blocks of sequence values for new IDs. */
package io.customeridentity.customer.internal.ids;
