package io.customeridentity.customer.internal.matching;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Duplicate detection (README "Duplicates"): the default score a duplicate is listed from, the score a registration
 * with {@code Prefer: duplicates=reject} is refused from, how many customers may share a match key before it stops
 * being used for candidates (a common surname in a postal code, a family's address), and how many candidates one
 * look-up scores at most. The field weights are a resource, {@code matching/weights.properties}.
 */
@ConfigurationProperties("customer-identity.matching")
public record MatchingProperties(
        @DefaultValue("0.5") BigDecimal minScore,
        @DefaultValue("0.9") BigDecimal rejectScore,
        @DefaultValue("50") int keyCap,
        @DefaultValue("20") int maxCandidates) {}
