package io.customeridentity.customer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Map;

/** The profile content of one version: everything about a customer that can change. */
public record CustomerProfile(
        String givenName,
        String familyName,
        // Left out when absent, so the JSON of a profile without it (idempotency fingerprints) is what it was before.
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate birthDate,
        String email,
        String phone,
        Address address,
        Preferences preferences,
        Map<String, String> attributes) {

    /** The top-level field names, as in the API. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "givenName", "familyName", "birthDate", "email", "phone", "address", "preferences", "attributes");

    /** No personal field at all: what an erased customer shows. */
    public static final CustomerProfile EMPTY = new CustomerProfile(null, null, null, null, null, null, null, Map.of());

    public CustomerProfile {
        attributes = attributes == null
                ? Map.of()
                : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(attributes));
    }

    /** A profile without a birth date (the fields before it existed). */
    public CustomerProfile(
            String givenName,
            String familyName,
            String email,
            String phone,
            Address address,
            Preferences preferences,
            Map<String, String> attributes) {
        this(givenName, familyName, null, email, phone, address, preferences, attributes);
    }

    /** A postal address. */
    public record Address(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200, example = "1 Infinite Loop")
            String line1,

            @Schema(maxLength = 200) String line2,
            @Schema(maxLength = 100, example = "Cupertino") String city,
            @Schema(maxLength = 100) String region,
            @Schema(maxLength = 20) String postalCode,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "ISO 3166-1 alpha-2 (any case; answers: upper case).",
                    example = "US",
                    pattern = "^\\s*[A-Za-z]{2}\\s*$")
            String country) {}

    /** How and whether the customer wants to be contacted. */
    public record Preferences(
            @Schema(description = "A BCP 47 language tag, normalised (en-GB).", maxLength = 35, example = "en-GB")
            String language,

            java.util.List<ContactChannel> contactChannels,
            Boolean marketingConsent,
            java.time.Instant consentUpdatedAt) {

        public Preferences {
            contactChannels = contactChannels == null ? java.util.List.of() : java.util.List.copyOf(contactChannels);
        }
    }

    /** A channel the customer may be contacted through. */
    public enum ContactChannel {
        EMAIL,
        SMS,
        PHONE,
        POST
    }

    /** Personal data stays out of logs (Spring logs request and response bodies at DEBUG and TRACE). */
    @Override
    public String toString() {
        return "CustomerProfile[****]";
    }
}
