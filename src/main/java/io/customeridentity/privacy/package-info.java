/**
 * Privacy: erasure (crypto-shredding) of a person, the subject-access export, and the audit trail. Other modules use
 * {@link io.customeridentity.privacy.ErasureManagement} and listen to {@link io.customeridentity.privacy.CustomersErased};
 * the audit trail ({@link io.customeridentity.privacy.AuditTrail}) listens to every module's write events and records
 * the reads that {@code shared.web.AuditedRead} marks.
 */
package io.customeridentity.privacy;
