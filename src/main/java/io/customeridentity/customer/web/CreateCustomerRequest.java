package io.customeridentity.customer.web;

import io.customeridentity.customer.NewCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/customers}. */
@Schema(description = "A new customer. At least one of givenName, familyName, email or phone is required.")
record CreateCustomerRequest(
        @Schema(description = "Two-letter business prefix; the configured default when absent.", example = "AC")
        @Pattern(regexp = "[A-Za-z]{2}", message = "Must be two letters.")
        String prefix,

        @Schema(example = "Ada") @Size(max = 100) String givenName,
        @Schema(example = "Lovelace") @Size(max = 100) String familyName,

        @Schema(description = "Validated and stored lower-cased.", example = "ada@example.org") @Size(max = 254)
        String email,

        @Schema(
                description = "Any common notation; stored in E.164. Include the country code.",
                example = "+44 20 7946 0958")
        @Size(max = 32)
        String phone) {

    NewCustomer toNewCustomer() {
        return new NewCustomer(prefix, givenName, familyName, email, phone);
    }
}
