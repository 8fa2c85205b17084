package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.CustomerProfile.Preferences;
import io.customeridentity.customer.CustomerStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** A customer as the API shows it: identity plus one version of the profile. */
@Schema(description = "A customer's identity and one version of its profile (the current one unless asked otherwise).")
record CustomerResponse(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Canonical customer ID.",
                example = "AC12345678900")
        String id,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The ID grouped for people to read.",
                example = "AC-1234-5678-900")
        String displayId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "AC")
        String prefix,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) CustomerStatus status,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Profile version shown (also the ETag).",
                example = "1")
        int version,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When the customer was registered.",
                example = "2026-11-23T12:00:00Z")
        Instant createdAt,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "When this version was recorded.",
                example = "2026-11-23T12:00:00Z")
        Instant updatedAt,

        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,
        @Schema(example = "1990-12-10") LocalDate birthDate,
        @Schema(example = "ada@example.org") String email,
        @Schema(example = "+442079460958") String phone,
        Address address,
        Preferences preferences,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Free-form string attributes; empty when there are none.")
        Map<String, String> attributes,

        @Schema(description = "For a MERGED customer: the customer it was merged into.", example = "AC98765432101")
        String mergedInto,

        @Schema(
                description = "For an ERASED customer (a tombstone, without any personal field): when it was erased;"
                        + " `updatedAt` is the same.",
                example = "2026-11-23T12:00:00Z")
        Instant erasedAt) {

    static CustomerResponse of(CustomerDetails customer) {
        CustomerProfile profile = customer.profile();
        return new CustomerResponse(
                customer.id().value(),
                customer.id().displayForm(),
                customer.id().prefix(),
                customer.status(),
                customer.version(),
                customer.createdAt(),
                customer.updatedAt(),
                profile.givenName(),
                profile.familyName(),
                profile.birthDate(),
                profile.email(),
                profile.phone(),
                profile.address(),
                profile.preferences(),
                profile.attributes(),
                customer.mergedInto() == null ? null : customer.mergedInto().value(),
                customer.status() == CustomerStatus.ERASED ? customer.updatedAt() : null);
    }

    /** Personal data stays out of logs (Spring logs response bodies at TRACE). */
    @Override
    public String toString() {
        return "CustomerResponse[id=" + id + ", version=" + version + ", ****]";
    }
}
