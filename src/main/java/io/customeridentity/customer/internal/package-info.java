/**
 * The customer module's implementation, private to it: {@code DefaultCustomerManagement} delegates to one sub-package
 * per job (registration, versions, keys, cache, profile, matching, merges, ids, batching).
 */
package io.customeridentity.customer.internal;
