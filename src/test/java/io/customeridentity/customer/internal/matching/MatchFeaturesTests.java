package io.customeridentity.customer.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchFeaturesTests {

    @Test
    void splitsTheHouseNumberFromTheStreet() {
        assertThat(features("12 Ocean St.").streetNumber()).isEqualTo("12");
        assertThat(features("12 Ocean St.").street()).isEqualTo("ocean st");
        assertThat(features("12a Ocean Street").streetNumber()).isEqualTo("12a");
        assertThat(features("12-14 Ocean Street").streetNumber()).isEqualTo("12-14");
        assertThat(features("Ocean Street").streetNumber()).isNull();
        assertThat(features("Ocean Street").street()).isEqualTo("ocean street");
        assertThat(features("7").street()).isNull();
    }

    @Test
    void foldsNamesAndCompactsThePostalCode() {
        MatchFeatures features = MatchFeatures.of(new CustomerProfile(
                " Zoë ",
                "O'Neil",
                LocalDate.of(1985, 3, 7),
                null,
                null,
                new Address("1 A St", "Unit 2", "St. Kilda", "VIC", "30 04", "AU"),
                null,
                Map.of()));
        assertThat(features.givenName()).isEqualTo("zoe");
        assertThat(features.familyName()).isEqualTo("oneil");
        assertThat(features.postalCode()).isEqualTo("3004");
        assertThat(features.city()).isEqualTo("st kilda");
        assertThat(features.region()).isEqualTo("vic");
        assertThat(features.toString()).doesNotContain("zoe");
    }

    private static MatchFeatures features(String line1) {
        return MatchFeatures.of(new CustomerProfile(
                null, "x", null, null, null, new Address(line1, null, null, null, null, "AU"), null, Map.of()));
    }
}
