/** Entities, repositories and the service implementation of the customer module; private to it. */
package io.customeridentity.customer.internal;
