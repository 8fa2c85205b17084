package io.customeridentity.resolution;

import io.customeridentity.identifier.CustomerId;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** External IDs, resolution of any identifier to customers, and duplicate detection. */
public interface ResolutionManagement {

    /** Maps the external ID to the customer; {@link ExternalRefTaken} when another customer holds it. */
    ExternalRefLinked linkExternalRef(CustomerId customerId, String system, String externalId, String actor);

    /** The mappings of the customer's merge group; ended ones too when asked. */
    List<ExternalRef> externalRefs(CustomerId customerId, boolean includeEnded);

    /** Ends the mapping (once; ending it again changes nothing). */
    void endExternalRef(CustomerId customerId, UUID refId, String actor);

    /** The customers the one identifier in the query leads to, following merges. */
    List<Match> resolve(ResolveQuery query);

    /**
     * Likely duplicates of the customer, best first, scored at or above {@code minScore} (null: the configured
     * default): customers with a similar profile or the same e-mail or phone, and those sharing a linked account
     * number or an external ID, which weighs in. A merged customer's are those of its survivor.
     */
    List<Duplicate> duplicates(CustomerId customerId, BigDecimal minScore);
}
