/** Merges of duplicate customers and their reversal (CustomerMerges), and the reads that follow merge chains and groups. */
package io.customeridentity.customer.internal.merges;
