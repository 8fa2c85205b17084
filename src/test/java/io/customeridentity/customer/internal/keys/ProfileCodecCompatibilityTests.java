package io.customeridentity.customer.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.CustomerProfile.Address;
import io.customeridentity.customer.CustomerProfile.ContactChannel;
import io.customeridentity.customer.CustomerProfile.Preferences;
import io.customeridentity.support.StoredRows;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Profile versions and change reasons stored by older code still decrypt, field for field. */
class ProfileCodecCompatibilityTests {

    private final StoredRows stored = StoredRows.v1();
    private final ProfileCodec codec = new ProfileCodec(StoredRows.encryption(), StoredRows.JSON);

    @Test
    void decryptsStoredProfileVersionsAndReasons() {
        DataKey key = stored.dataKey();
        List<JsonNode> versions = stored.of("customer_versions");
        String customerId = versions.get(0).path("customer_id").asString();

        CustomerProfile first = profile(key, versions.get(0));
        CustomerProfile second = profile(key, versions.get(1));

        assertThat(first.givenName()).isEqualTo("Grace");
        assertThat(first.familyName()).isEqualTo("Hopper");
        assertThat(first.email()).isEqualTo("grace.hopper@example.org");
        assertThat(first.phone()).isEqualTo("+442079460321");
        assertThat(first.address())
                .isEqualTo(new Address("1 Harbour Street", null, "Arlington", null, "VA 22201", "US"));
        Preferences preferences = first.preferences();
        assertThat(preferences.language()).isEqualTo("en-US");
        assertThat(preferences.contactChannels()).containsExactly(ContactChannel.EMAIL, ContactChannel.POST);
        assertThat(preferences.marketingConsent()).isTrue();
        assertThat(preferences.consentUpdatedAt()).isNotNull();
        assertThat(first.attributes()).isEqualTo(Map.of("tier", "gold"));
        assertThat(second)
                .isEqualTo(new CustomerProfile(
                        first.givenName(),
                        "Hopper-Murray",
                        first.email(),
                        first.phone(),
                        first.address(),
                        first.preferences(),
                        first.attributes()));
        assertThat(codec.decryptReason(key, customerId, 2, StoredRows.bytes(versions.get(1), "reason_ciphertext")))
                .isEqualTo("Asked by phone to update her surname");
    }

    private CustomerProfile profile(DataKey key, JsonNode version) {
        return codec.decryptProfile(
                key,
                version.path("customer_id").asString(),
                version.path("version").asInt(),
                StoredRows.bytes(version, "profile_ciphertext"));
    }
}
