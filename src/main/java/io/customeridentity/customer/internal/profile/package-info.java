/** Validation and normalisation of a profile on every write, and which fields a change touched. */
package io.customeridentity.customer.internal.profile;
