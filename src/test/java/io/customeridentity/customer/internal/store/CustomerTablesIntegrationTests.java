package io.customeridentity.customer.internal.store;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@IntegrationTest
class CustomerTablesIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    CustomerTables tables;

    @Autowired
    JdbcClient jdbc;

    /**
     * A profile change reads the status before it advances the version; a merge that commits in between must still
     * win, so the advance itself refuses a merged customer (its row lock orders it with the merge's status update).
     */
    @Test
    void neverAdvancesTheVersionOfAMergedCustomer() {
        String id =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        tables.setStatus(id, CustomerStatus.MERGED);

        assertThat(tables.advance(id, 1, now)).isFalse();
        assertThat(currentVersion(id)).isEqualTo(1);
    }

    @Test
    void advancesTheVersionOfAnActiveCustomerOnceFromTheExpectedOne() {
        String id =
                new CustomerApi(client).created(aCustomer().build()).path("id").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        assertThat(tables.advance(id, 1, now)).isTrue();
        assertThat(tables.advance(id, 1, now)).isFalse();
        assertThat(currentVersion(id)).isEqualTo(2);
    }

    private int currentVersion(String id) {
        return jdbc.sql("SELECT current_version FROM customers WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
