package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Preferences;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.shared.security.PersonalDataMask;
import io.customeridentity.shared.web.DisclosesPersonalData;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A customer as the API shows it: identity plus one version of the profile, masked for a caller without
 * {@code customers:pii}.
 */
@Schema(
        description = "A customer's identity and one version of its profile (the current one unless asked otherwise)."
                + " For a caller without the scope `customers:pii` the answer is masked (`masked: true`): `email` and"
                + " `phone` are masked (`a***@example.org`, `+44*******789`), `address` has only `city`, `region`"
                + " and `country`, and `birthDate` and `attributes` are absent; names and preferences are shown.")
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

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "true when the caller lacks the scope `customers:pii` and the answer is masked:"
                        + " `email` and `phone` masked, `address` partial, `birthDate` and `attributes` absent.",
                example = "false")
        boolean masked,

        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,

        @Schema(description = "ISO 8601 date; absent when masked.", example = "1990-12-10")
        LocalDate birthDate,

        @Schema(
                description = "When masked: the first character of the local part, `***` and the domain.",
                example = "ada@example.org")
        String email,

        @Schema(
                description = "E.164. When masked: the country code and the last three digits, every other digit `*`"
                        + " (`+44*******958`).",
                example = "+442079460958")
        String phone,

        AddressResponse address,
        Preferences preferences,

        @Schema(description = "Free-form string attributes; empty when there are none, absent when masked.")
        Map<String, String> attributes,

        @Schema(description = "For a MERGED customer: the customer it was merged into.", example = "AC98765432101")
        String mergedInto,

        @Schema(
                description = "For an ERASED customer (a tombstone, without any personal field): when it was erased;"
                        + " `updatedAt` is the same.",
                example = "2026-11-23T12:00:00Z")
        Instant erasedAt)
        implements DisclosesPersonalData {

    /** The whole profile when {@code masked} is false, else the masked one (the rules: {@link PersonalDataMask}). */
    static CustomerResponse of(CustomerDetails customer, boolean masked) {
        CustomerProfile profile = customer.profile();
        return new CustomerResponse(
                customer.id().value(),
                customer.id().displayForm(),
                customer.id().prefix(),
                customer.status(),
                customer.version(),
                customer.createdAt(),
                customer.updatedAt(),
                masked,
                profile.givenName(),
                profile.familyName(),
                masked ? null : profile.birthDate(),
                masked ? PersonalDataMask.email(profile.email()) : profile.email(),
                masked ? PersonalDataMask.phone(profile.phone()) : profile.phone(),
                masked ? AddressResponse.partial(profile.address()) : AddressResponse.of(profile.address()),
                profile.preferences(),
                masked ? null : profile.attributes(),
                customer.mergedInto() == null ? null : customer.mergedInto().value(),
                customer.status() == CustomerStatus.ERASED ? customer.updatedAt() : null);
    }

    @Override
    public List<String> disclosed() {
        List<String> shown = new ArrayList<>(6);
        if (givenName != null || familyName != null) {
            shown.add("name");
        }
        if (birthDate != null) {
            shown.add("birthDate");
        }
        if (email != null) {
            shown.add(masked ? "email:masked" : "email");
        }
        if (phone != null) {
            shown.add(masked ? "phone:masked" : "phone");
        }
        if (address != null) {
            shown.add(masked ? "address:partial" : "address");
        }
        if (attributes != null && !attributes.isEmpty()) {
            shown.add("attributes");
        }
        return List.copyOf(shown);
    }

    /** Personal data stays out of logs (Spring logs response bodies at TRACE). */
    @Override
    public String toString() {
        return "CustomerResponse[id=" + id + ", version=" + version + ", ****]";
    }
}
