package io.customeridentity.customer.web;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The typed schema of the merge-patch body ({@code CustomerPatch}, with {@code AddressPatch} and
 * {@code PreferencesPatch}): derived from the registration's schemas, so it lists exactly the patchable fields with
 * their rules, each nullable because in a merge patch {@code null} removes the field. Generated clients then have
 * typed, nullable fields that send the {@code null} rather than drop it.
 */
@Configuration(proxyBeanMethods = false)
class CustomerPatchSchema {

    static final String PATCH = "CustomerPatch";

    /** The registration's schemas and the patch schemas derived from them. */
    private static final Map<String, String> PATCH_OF =
            Map.of("CreateCustomerRequest", PATCH, "Address", "AddressPatch", "Preferences", "PreferencesPatch");

    private static final String REFS = "#/components/schemas/";
    private static final String NULL_REMOVES = "`null` removes it.";

    @Bean
    OpenApiCustomizer typedMergePatch() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents() == null
                    ? null
                    : openApi.getComponents().getSchemas();
            if (schemas == null || !schemas.containsKey("CreateCustomerRequest")) {
                return;
            }
            Schema<?> patch = patchOf(schemas.get("CreateCustomerRequest"), ProfilePatcher.PATCHABLE);
            patch.setDescription("RFC 7396 JSON Merge Patch of the profile: only the fields given change; a field"
                    + " set to `null` is removed; objects (address, preferences, attributes) merge field by field,"
                    + " so `{\"address\": {\"line2\": null}}` removes only line2. id, displayId, prefix, status,"
                    + " version, createdAt and updatedAt cannot be changed (422 immutable-field). The patched"
                    + " profile must still satisfy the registration's rules.");
            patch.setExample(exampleRemovingAField());
            schemas.put(PATCH, patch);
            schemas.put("AddressPatch", patchOf(schemas.get("Address"), null));
            schemas.put("PreferencesPatch", patchOf(schemas.get("Preferences"), null));
        };
    }

    private static Map<String, Object> exampleRemovingAField() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("familyName", "King");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("loyalty.tier", null);
        example.put("attributes", attributes);
        return example;
    }

    /** The patch variant of an object schema: the same properties (those in {@code only}, if given), each nullable. */
    private static Schema<?> patchOf(Schema<?> source, Set<String> only) {
        Schema<Object> patch = new Schema<>();
        patch.setTypes(new LinkedHashSet<>(Set.of("object")));
        patch.setDescription(source == null ? null : source.getDescription());
        if (source == null || source.getProperties() == null) {
            return patch;
        }
        source.getProperties().forEach((name, property) -> {
            if (only == null || only.contains(name)) {
                patch.addProperty(name, nullable(property));
            }
        });
        return patch;
    }

    private static Schema<?> nullable(Schema<?> property) {
        String description =
                property.getDescription() == null ? NULL_REMOVES : property.getDescription() + " " + NULL_REMOVES;
        if (property.get$ref() != null) {
            String target = property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1);
            String patchTarget = PATCH_OF.getOrDefault(target, target);
            Schema<Object> either = new Schema<>();
            either.setAnyOf(List.of(new Schema<>().$ref(REFS + patchTarget), nullType()));
            either.setDescription(description);
            return either;
        }
        Schema<Object> copy = copyOf(property);
        copy.setDescription(description);
        if (copy.getAdditionalProperties() instanceof Schema<?> values) {
            Schema<Object> nullableValues = copyOf(values);
            nullableValues.getTypes().add("null");
            copy.setAdditionalProperties(nullableValues);
        }
        copy.getTypes().add("null");
        return copy;
    }

    private static Schema<Object> nullType() {
        Schema<Object> none = new Schema<>();
        none.setTypes(new LinkedHashSet<>(Set.of("null")));
        return none;
    }

    /** A copy of the parts of a property schema that say what a value may be. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<Object> copyOf(Schema<?> source) {
        Schema copy = new Schema<>();
        Set<String> types = new LinkedHashSet<>();
        if (source.getTypes() != null) {
            types.addAll(source.getTypes());
        } else if (source.getType() != null) {
            types.add(source.getType());
        }
        copy.setTypes(types);
        copy.setFormat(source.getFormat());
        copy.setDescription(source.getDescription());
        if (source.getExample() != null) {
            copy.setExample(source.getExample());
        }
        copy.setMaxLength(source.getMaxLength());
        copy.setMinLength(source.getMinLength());
        copy.setPattern(source.getPattern());
        copy.setMaximum(source.getMaximum());
        copy.setMinimum(source.getMinimum());
        copy.setMaxItems(source.getMaxItems());
        copy.setMinItems(source.getMinItems());
        copy.setMaxProperties(source.getMaxProperties());
        copy.setUniqueItems(source.getUniqueItems());
        copy.setItems(source.getItems());
        copy.setEnum(source.getEnum());
        copy.setPropertyNames(source.getPropertyNames());
        copy.setAdditionalProperties(source.getAdditionalProperties());
        return copy;
    }
}
