package io.customeridentity.customer.web;

import io.customeridentity.customer.CustomerProfile.Address;
import io.swagger.v3.oas.annotations.media.Schema;

/** A customer's address as an answer shows it: whole, or without lines and postal code when masked. */
@Schema(
        description = "A postal address. When the answer is masked (`masked: true`) only `city`, `region` and"
                + " `country` are shown: `line1`, `line2` and `postalCode` are absent.")
record AddressResponse(
        @Schema(description = "Absent when masked.", example = "1 Infinite Loop")
        String line1,

        @Schema(description = "Absent when masked.") String line2,
        @Schema(example = "Cupertino") String city,
        @Schema(example = "CA") String region,

        @Schema(description = "Absent when masked.", example = "95014")
        String postalCode,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "ISO 3166-1 alpha-2, upper case.",
                example = "US")
        String country) {

    static AddressResponse of(Address address) {
        return address == null
                ? null
                : new AddressResponse(
                        address.line1(),
                        address.line2(),
                        address.city(),
                        address.region(),
                        address.postalCode(),
                        address.country());
    }

    /** Only the area: city, region and country. */
    static AddressResponse partial(Address address) {
        return address == null
                ? null
                : new AddressResponse(null, null, address.city(), address.region(), null, address.country());
    }
}
