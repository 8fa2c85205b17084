package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.shared.InvalidInputException;
import io.customeridentity.shared.web.JsonPaths;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Applies a JSON Merge Patch to a profile, exactly as the profile is shown in the API. */
@Component
class ProfilePatcher {

    /** The top-level fields a patch may set or remove. */
    static final Set<String> PATCHABLE = Set.copyOf(CustomerProfile.FIELDS);

    private final JsonMapper json;

    ProfilePatcher(JsonMapper json) {
        this.json = json;
    }

    /** Checks the patch on its own (before any database work): object, no immutable or unknown fields. */
    void check(JsonNode patch) {
        Rfc7396Patch.check(patch, PATCHABLE);
    }

    CustomerProfile apply(CustomerProfile current, JsonNode patch) {
        JsonNode patched = Rfc7396Patch.apply(json.valueToTree(current), patch);
        try {
            return json.treeToValue(patched, CustomerProfile.class);
        } catch (JacksonException ex) {
            throw InvalidInputException.of(JsonPaths.of(ex), JsonPaths.messageOf(ex));
        }
    }
}
