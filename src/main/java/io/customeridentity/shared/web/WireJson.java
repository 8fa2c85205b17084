package io.customeridentity.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's one rule for absent values: a response leaves them out, it never sends JSON {@code null}. Only on the
 * wire: the mapper the service stores and fingerprints with keeps its own settings, and reading (a merge patch's
 * {@code null} that removes a field) is not affected.
 */
public final class WireJson {

    private WireJson() {}

    /** {@code mapper}, writing no property whose value is {@code null}. */
    public static JsonMapper of(JsonMapper mapper) {
        return mapper.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }
}
