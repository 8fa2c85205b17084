package io.customeridentity.customer.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.crypto.MasterKey;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatchKeysTests {

    private static final MasterKey KEY = MasterKey.fromBase64("dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=");
    private static final MasterKey OTHER_KEY = MasterKey.fromBase64("b3RoZXItdGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzISE=");

    @Test
    void pairsTheTransformedFieldsSoThatAnyTwoKeptFieldsShareAKey() {
        Set<String> keys = MatchKeys.plainKeys(MatchFeatures.of(jon()));
        assertThat(keys)
                .hasSize(10)
                .allSatisfy(key -> assertThat(key).matches("[a-z-]+:[^|]+\\|[^|]+"))
                .contains("born-postcode:1985-3-7|2000");
    }

    @Test
    void keysOnlyTheFieldsTheProfileHas() {
        CustomerProfile nameOnly = new CustomerProfile("Jon", "Smyth", null, null, null, null, null, Map.of());
        assertThat(MatchKeys.plainKeys(MatchFeatures.of(nameOnly))).hasSize(1);
        assertThat(MatchKeys.plainKeys(MatchFeatures.of(CustomerProfile.EMPTY))).isEmpty();
    }

    @Test
    void sharesKeysDespiteATypoASwapOrAMissingField() {
        Set<String> original = MatchKeys.plainKeys(MatchFeatures.of(jon()));
        CustomerProfile variant = new CustomerProfile(
                "John",
                "Smith",
                LocalDate.of(1985, 7, 3),
                null,
                null,
                new Address("14 Ocean Street", null, "Sydney", null, "2000", "AU"),
                null,
                Map.of());
        assertThat(MatchKeys.plainKeys(MatchFeatures.of(variant))).containsAll(original);
        CustomerProfile swappedNames = new CustomerProfile("Smyth", "Jon", null, null, null, null, null, Map.of());
        assertThat(MatchKeys.plainKeys(MatchFeatures.of(swappedNames))).containsAnyElementsOf(original);
    }

    @Test
    void unordersDayAndMonthOfTheBirthDate() {
        assertThat(MatchKeys.birthDay(LocalDate.of(1985, 3, 7)))
                .isEqualTo(MatchKeys.birthDay(LocalDate.of(1985, 7, 3)));
        assertThat(MatchKeys.birthDay(LocalDate.of(1985, 3, 7)))
                .isNotEqualTo(MatchKeys.birthDay(LocalDate.of(1986, 3, 7)));
        assertThat(MatchKeys.birthDay(null)).isNull();
    }

    @Test
    void storesSixteenByteHmacsThatDependOnTheKeyOnly() {
        List<byte[]> keys = new MatchKeys(KEY).of(jon());
        assertThat(keys).hasSize(10).allSatisfy(key -> assertThat(key).hasSize(MatchKeys.KEY_BYTES));
        assertThat(hex(new MatchKeys(KEY).of(jon()))).isEqualTo(hex(keys));
        assertThat(hex(new MatchKeys(OTHER_KEY).of(jon()))).doesNotContainAnyElementsOf(hex(keys));
    }

    private static Set<String> hex(List<byte[]> keys) {
        return keys.stream().map(HexFormat.of()::formatHex).collect(Collectors.toSet());
    }

    private static CustomerProfile jon() {
        return new CustomerProfile(
                "Jon",
                "Smyth",
                LocalDate.of(1985, 3, 7),
                "jon@example.org",
                null,
                new Address("12 Ocean St", null, "Sydney", "NSW", "2000", "AU"),
                null,
                Map.of());
    }
}
