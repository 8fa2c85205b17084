package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.CustomerProfile.Preferences;
import io.customeridentity.customer.NewCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/customers}, and the shape a merge patch is applied to. The service validates every
 * field (see the error catalogue); the annotations here only document them.
 */
@Schema(description = "A customer profile. At least one of givenName, familyName, email or phone is required.")
record CreateCustomerRequest(
        @Schema(
                description = "Two-letter business prefix (any case); the configured default when absent.",
                example = "AC",
                pattern = "^\\s*[A-Za-z]{2}\\s*$")
        String prefix,

        @Schema(example = "Ada", maxLength = 100) String givenName,
        @Schema(example = "Lovelace", maxLength = 100) String familyName,

        @Schema(
                description = "ISO 8601 date (yyyy-mm-dd), not in the future, not before 1900; compared by duplicate"
                        + " detection.",
                example = "1990-12-10")
        LocalDate birthDate,

        @Schema(description = "Validated and stored lower-cased.", example = "ada@example.org", maxLength = 254)
        String email,

        @Schema(
                description = "Any common notation; stored in E.164. Include the country code.",
                example = "+44 20 7946 0958",
                maxLength = 32)
        String phone,

        @Schema(description = "Postal address; line1 and country (ISO 3166-1 alpha-2) are required in it.")
        Address address,

        @Schema(
                description = "Contact preferences. language is a BCP 47 tag; consentUpdatedAt is set by the"
                        + " service when marketingConsent changes, unless given.")
        Preferences preferences,

        @Schema(
                description = "Free-form string attributes: at most 50, keys [a-z0-9_.-]{1,64}, values at most"
                        + " 1000 characters.",
                example = "{\"loyalty.tier\": \"gold\"}")
        Map<String, String> attributes) {

    CustomerProfile toProfile() {
        return new CustomerProfile(givenName, familyName, birthDate, email, phone, address, preferences, attributes);
    }

    NewCustomer toNewCustomer() {
        return new NewCustomer(prefix, toProfile());
    }

    /** Personal data stays out of logs (Spring logs request bodies at DEBUG). */
    @Override
    public String toString() {
        return "CreateCustomerRequest[prefix=" + prefix + ", ****]";
    }
}
