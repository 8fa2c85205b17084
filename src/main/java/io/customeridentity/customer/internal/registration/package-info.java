/** Registering customers: prefix, ID and version 1 in one batched statement, and idempotency keys for repeated requests. */
package io.customeridentity.customer.internal.registration;
