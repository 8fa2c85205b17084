package io.customeridentity.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerDetails;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.VersionSummary;
import io.customeridentity.identifier.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerResponseTests {

    private static final Address ADDRESS =
            new Address("12 St James's Square", "Flat 3", "London", null, "SW1Y 4JH", "GB");
    private static final CustomerProfile EVERYTHING = new CustomerProfile(
            "Ada", "Lovelace", "ada@example.org", "+442079460958", ADDRESS, null, Map.of("tier", "gold"));

    @Test
    void disclosesEveryFieldItShowsWhole() {
        CustomerResponse response = CustomerResponse.of(customer(EVERYTHING), false);

        assertThat(response.masked()).isFalse();
        assertThat(response.email()).isEqualTo("ada@example.org");
        assertThat(response.address().postalCode()).isEqualTo("SW1Y 4JH");
        assertThat(response.disclosed()).containsExactly("name", "email", "phone", "address", "attributes");
    }

    @Test
    void disclosesTheMaskedFieldsAsMaskedAndNoAttributes() {
        CustomerResponse response = CustomerResponse.of(customer(EVERYTHING), true);

        assertThat(response.masked()).isTrue();
        assertThat(response.givenName()).isEqualTo("Ada");
        assertThat(response.email()).isEqualTo("a***@example.org");
        assertThat(response.phone()).isEqualTo("+44*******958");
        assertThat(response.address()).isEqualTo(new AddressResponse(null, null, "London", null, null, "GB"));
        assertThat(response.attributes()).isNull();
        assertThat(response.disclosed()).containsExactly("name", "email:masked", "phone:masked", "address:partial");
    }

    @Test
    void disclosesNothingAbsent() {
        CustomerProfile familyNameOnly = new CustomerProfile(null, "Lovelace", null, null, null, null, Map.of());

        assertThat(CustomerResponse.of(customer(familyNameOnly), false).disclosed())
                .containsExactly("name");
        assertThat(CustomerResponse.of(customer(familyNameOnly), true).disclosed())
                .containsExactly("name");
        CustomerProfile phoneOnly = new CustomerProfile(null, null, null, "+14155552671", null, null, null);
        assertThat(CustomerResponse.of(customer(phoneOnly), true).disclosed()).containsExactly("phone:masked");
    }

    @Test
    void disclosesNothingOfATombstone() {
        CustomerDetails erased = new CustomerDetails(
                CustomerId.of("AC", "1234567890"),
                CustomerStatus.ERASED,
                3,
                Instant.EPOCH,
                Instant.EPOCH,
                CustomerProfile.EMPTY,
                null);

        assertThat(CustomerResponse.of(erased, false).disclosed()).isEmpty();
        assertThat(CustomerResponse.of(erased, false).attributes()).isEmpty();
        assertThat(CustomerResponse.of(erased, true).disclosed()).isEmpty();
    }

    @Test
    void versionListDisclosesTheChangeReasonsOnlyWhenItShowsOne() {
        VersionSummary withReason = new VersionSummary(2, Instant.EPOCH, "agent", List.of("address"), "Moved house");
        VersionSummary without = new VersionSummary(1, Instant.EPOCH, "agent", List.of(), null);

        assertThat(new CustomerVersionController.VersionPage(List.of(withReason, without), null, false).disclosed())
                .containsExactly("version.reason");
        assertThat(new CustomerVersionController.VersionPage(List.of(without), null, true).disclosed())
                .isEmpty();
    }

    private static CustomerDetails customer(CustomerProfile profile) {
        return new CustomerDetails(
                CustomerId.of("AC", "1234567890"),
                CustomerStatus.ACTIVE,
                1,
                Instant.EPOCH,
                Instant.EPOCH,
                profile,
                null);
    }
}
