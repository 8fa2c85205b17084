/** Batching of concurrent requests into shared statements: the settings per kind of statement and the group-size metric. */
package io.customeridentity.customer.internal.batching;
