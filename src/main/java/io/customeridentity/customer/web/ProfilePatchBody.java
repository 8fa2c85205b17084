package io.customeridentity.customer.web;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Merge Patch document of a profile change, kept as JSON; wrapped so that logging the request body (Spring
 * does at DEBUG) never prints the personal data in it.
 */
// The schema's properties come from CustomerPatchSchema, derived from the registration's schema.
@Schema(name = CustomerPatchSchema.PATCH, type = "object")
final class ProfilePatchBody {

    private final JsonNode document;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    ProfilePatchBody(JsonNode document) {
        this.document = document;
    }

    JsonNode document() {
        return document;
    }

    @Override
    public String toString() {
        return "ProfilePatchBody[****]";
    }
}
