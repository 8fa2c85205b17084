package io.customeridentity.privacy;

import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * Published inside the erasing transaction, also when an erasure is repeated: who erased which customer, when and
 * why (for the audit), and which customers of the merge group became tombstones just now (for the change feed's
 * {@code customer.erased}; empty for a repetition). Carries no personal data.
 *
 * @param requested the customer the caller named
 * @param group every customer of the erased merge group
 * @param newlyErased those this erasure turned into tombstones
 * @param erasedAt when the group was erased (the first time)
 */
public record CustomersErased(
        CustomerId requested,
        List<CustomerId> group,
        List<CustomerId> newlyErased,
        Instant erasedAt,
        String actor,
        String reason) {}
