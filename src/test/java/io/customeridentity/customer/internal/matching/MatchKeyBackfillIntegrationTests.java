package io.customeridentity.customer.internal.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Customers without match keys (registered before V52) get them, as a registration would have written them. */
@IntegrationTest
class MatchKeyBackfillIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MatchKeyBackfill backfill;

    @Test
    void givesActiveCustomersWithoutMatchKeysTheKeysTheirProfileHas() {
        String family = "Backfill" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String id = new CustomerApi(client)
                .created(Map.of(
                        "givenName",
                        "Ada",
                        "familyName",
                        family,
                        "birthDate",
                        "1990-12-10",
                        "address",
                        Map.of("line1", "1 Test Street", "postalCode", "2000", "country", "AU")))
                .path("id")
                .asString();
        List<String> written = keysOf(id);
        jdbc.sql("DELETE FROM customer_match_keys WHERE customer_id = :id")
                .param("id", id)
                .update();

        assertThat(backfill.run()).isPositive();

        assertThat(keysOf(id)).containsExactlyInAnyOrderElementsOf(written).hasSize(10);
        assertThat(backfill.run()).as("nothing left to do").isZero();
    }

    private List<String> keysOf(String id) {
        return jdbc
                .sql("SELECT match_key FROM customer_match_keys WHERE customer_id = :id")
                .param("id", id)
                .query(byte[].class)
                .list()
                .stream()
                .map(HexFormat.of()::formatHex)
                .toList();
    }
}
