/**
 * Privacy: erasure (crypto-shredding) of a person, and later the subject-access export and the audit. Other modules
 * use {@link io.customeridentity.privacy.ErasureManagement} and listen to
 * {@link io.customeridentity.privacy.CustomersErased}.
 */
package io.customeridentity.privacy;
