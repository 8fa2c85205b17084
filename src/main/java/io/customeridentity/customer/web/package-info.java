/** HTTP API of the customer module: customers, customer-ID validation and prefixes. */
package io.customeridentity.customer.web;
