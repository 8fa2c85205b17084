/** The in-memory cache of active customers' current details, its memory estimate, and the LISTEN connection that evicts what any instance changes. */
package io.customeridentity.customer.internal.cache;
