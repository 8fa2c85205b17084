package io.customeridentity.customer;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The database itself refuses to rewrite history, whatever client connects. */
@IntegrationTest
class AppendOnlyHistoryIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    String id;

    @BeforeEach
    void registerCustomer() {
        id = new CustomerApi(client).created(aCustomer().build()).path("id").asString();
    }

    @Test
    void rejectsUpdatingAVersion() {
        assertRejected("UPDATE customer_versions SET recorded_by = 'mallory' WHERE customer_id = :id", "append-only");
    }

    @Test
    void rejectsDeletingAVersion() {
        assertRejected("DELETE FROM customer_versions WHERE customer_id = :id", "append-only");
    }

    @Test
    void rejectsTruncatingHistory() {
        assertRejected("TRUNCATE customer_versions CASCADE", "append-only");
    }

    @Test
    void rejectsChangingACustomersId() {
        assertRejected("UPDATE customers SET id = 'AC00000000007' WHERE id = :id", "never change");
    }

    @Test
    void rejectsDeletingACustomer() {
        assertRejected("DELETE FROM customers WHERE id = :id", "never removed");
    }

    @Test
    void rejectsMovingTheVersionPointerBackwards() {
        new CustomerApi(client).patched(id, 1, java.util.Map.of("givenName", "Augusta"));

        assertRejected("UPDATE customers SET current_version = 1 WHERE id = :id", "only moves forward");
    }

    private void assertRejected(String sql, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql)
                        .paramSource(new java.util.HashMap<>(java.util.Map.of("id", id)))
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining(message);
        assertThat(jdbc.sql("SELECT count(*) FROM customer_versions WHERE customer_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isPositive();
    }
}
