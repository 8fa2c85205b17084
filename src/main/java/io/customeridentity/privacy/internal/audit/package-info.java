/**
 * The audit trail: rows written in the transaction of every write (from the modules' events), reads queued in memory
 * and written in batches, the two audit queries and the export's {@code accessAudit} section; private.
 */
package io.customeridentity.privacy.internal.audit;
