/**
 * Customers: issuing a customer ID on registration and reading the current profile. Other modules use
 * {@link io.customeridentity.customer.CustomerManagement} and the records next to it; everything under
 * {@code internal} is private to this module.
 */
package io.customeridentity.customer;
