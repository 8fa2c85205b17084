package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A customer as the API shows it. */
@Schema(description = "A customer's identity and current profile.")
record CustomerResponse(
        @Schema(description = "Canonical customer ID.", example = "AC12345678900")
        String id,

        @Schema(description = "The ID grouped for people to read.", example = "AC-1234-5678-900")
        String displayId,

        @Schema(example = "AC") String prefix,
        CustomerStatus status,

        @Schema(description = "Current profile version.", example = "1")
        int version,

        @Schema(example = "2026-11-23T12:00:00Z") Instant createdAt,
        @Schema(example = "Ada") String givenName,
        @Schema(example = "Lovelace") String familyName,
        @Schema(example = "ada@example.org") String email,
        @Schema(example = "+442079460958") String phone) {

    static CustomerResponse of(CustomerDetails customer) {
        return new CustomerResponse(
                customer.id().value(),
                customer.id().displayForm(),
                customer.id().prefix(),
                customer.status(),
                customer.version(),
                customer.createdAt(),
                customer.givenName(),
                customer.familyName(),
                customer.email(),
                customer.phone());
    }
}
