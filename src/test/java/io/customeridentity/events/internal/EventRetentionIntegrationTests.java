package io.customeridentity.events.internal;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.FeedApi;
import io.customeridentity.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Retention deletes old events, the only way events ever go; a cursor from before them answers 410. */
@IntegrationTest
class EventRetentionIntegrationTests {

    @Autowired
    RestTestClient client;

    @Autowired
    EventRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCursorOlderThanRetentionAnswers410AndTheFeedStartsAfterTheDeletedEvents() {
        CustomerApi api = new CustomerApi(client);
        FeedApi feed = new FeedApi(client);
        String before = feed.head();
        String old = api.created(aCustomer()
                        .with("email", UUID.randomUUID() + "@example.org")
                        .build())
                .path("id")
                .asString();
        feed.about(before, old, 1);
        String afterOld = feed.head();

        assertThat(retention.expireBefore(Instant.now().plusSeconds(1))).isPositive();
        String fresh = api.created(aCustomer()
                        .with("email", UUID.randomUUID() + "@example.org")
                        .build())
                .path("id")
                .asString();

        feed.read(before, null, null, null)
                .expectStatus()
                .isEqualTo(410)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("cursor-expired")
                .jsonPath("$.type")
                .isEqualTo("/problems/cursor-expired");
        assertThat(feed.about(afterOld, fresh, 1)).hasSize(1); // a cursor at the deletion point still reads on
        JsonNode fromStart = feed.page(null, 1000, null, null);
        assertThat(fromStart.path("items").findValuesAsString("subject"))
                .doesNotContain(old)
                .contains(fresh);
    }

    @Test
    void eventsCannotBeChangedOrDeletedExceptByRetention() {
        new CustomerApi(client)
                .created(aCustomer()
                        .with("email", UUID.randomUUID() + "@example.org")
                        .build());
        long id = jdbc.sql("SELECT max(id) FROM events").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE events SET data = '{}' WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("may only give an event its position");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM events WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("allowed only to retention");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE events").update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
