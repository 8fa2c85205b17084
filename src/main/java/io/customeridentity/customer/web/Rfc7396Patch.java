package io.customeridentity.customer.web;

import io.customeridentity.customer.ImmutableField;
import io.customeridentity.shared.InvalidInputException;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396) of a customer profile document. */
final class Rfc7396Patch {

    /** Fields shown in a customer that no patch may touch. */
    static final Set<String> IMMUTABLE =
            Set.of("id", "displayId", "prefix", "status", "version", "createdAt", "updatedAt");

    private Rfc7396Patch() {}

    /** Rejects patches that are not objects or that touch immutable or unknown fields. */
    static void check(JsonNode patch, Set<String> patchable) {
        if (!patch.isObject()) {
            throw InvalidInputException.of(null, "A merge patch must be a JSON object.");
        }
        for (String field : patch.propertyNames()) {
            if (IMMUTABLE.contains(field)) {
                throw ImmutableField.named(field);
            }
            if (!patchable.contains(field)) {
                throw InvalidInputException.of(field, "Not a field of a customer profile.");
            }
        }
    }

    /** RFC 7396 section 2: objects merge recursively, null removes, anything else replaces. */
    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String name : patch.propertyNames()) {
            JsonNode value = patch.get(name);
            if (value.isNull()) {
                result.remove(name);
            } else {
                result.set(name, apply(result.get(name), value));
            }
        }
        return result;
    }
}
