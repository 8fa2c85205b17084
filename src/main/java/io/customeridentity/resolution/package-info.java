/**
 * Identity resolution: other systems' IDs for our customers, resolving any identifier to the customer (following
 * merges), and likely duplicates. Other modules use {@link io.customeridentity.resolution.ResolutionManagement}.
 */
package io.customeridentity.resolution;
