/** Customers' data keys: encrypting profile versions under them, and handing them to other modules through CustomerKeys. */
package io.customeridentity.customer.internal.keys;
