/** The one writer of the customer tables (identity rows, data keys, versions, contact indexes). */
package io.customeridentity.customer.internal.store;
