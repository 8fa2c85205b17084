package io.customeridentity.events;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.FeedApi;
import io.customeridentity.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Reading the feed: long polls, type filters, cursors and their validation. */
@IntegrationTest
class EventFeedIntegrationTests {

    @Autowired
    RestTestClient client;

    CustomerApi api;
    FeedApi feed;

    @BeforeEach
    void clients() {
        api = new CustomerApi(client);
        feed = new FeedApi(client);
    }

    private String register() {
        return api.created(aCustomer()
                        .with("email", UUID.randomUUID() + "@example.org")
                        .build())
                .path("id")
                .asString();
    }

    @Test
    void aLongPollAnswersAsSoonAsAnEventArrives() throws Exception {
        String head = feed.head();
        long start = System.nanoTime();
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> feed.page(head, 10, null, 20));
        Thread.sleep(1_000);
        assertThat(poll).as("still waiting while nothing happened").isNotDone();

        String id = register();
        JsonNode page = poll.get(15, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(page.path("items").findValuesAsString("subject")).contains(id);
    }

    @Test
    void aLongPollWithNothingNewAnswersAnEmptyPageWithTheCursorToKeep() {
        String head = feed.head();
        long start = System.nanoTime();

        JsonNode page = feed.page(head, 10, "interaction.recorded", 1); // off by default: never arrives

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(page.path("items").isEmpty()).isTrue();
        assertThat(page.path("nextCursor").asString()).isNotBlank();
    }

    @Test
    void aTypeFilterLeavesOutTheOtherTypesAndTheCursorMovesPastThem() {
        String head = feed.head();
        String id = register();
        api.patched(id, 1, Map.of("givenName", "Filtered"));
        feed.about(head, id, 2); // both sequenced

        JsonNode updates = feed.page(head, 1000, "customer.updated,customer.merged", null);

        List<String> types = updates.path("items").findValuesAsString("type");
        assertThat(types).isNotEmpty().allMatch(type -> type.equals("customer.updated"));
        assertThat(updates.path("items").findValuesAsString("subject")).contains(id);
        JsonNode after = feed.page(updates.path("nextCursor").asString(), 1000, null, null);
        assertThat(after.path("items").findValuesAsString("subject")).doesNotContain(id);
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapInFeedOrder() {
        String head = feed.head();
        for (int i = 0; i < 5; i++) {
            register();
        }
        feed.follow(head, seen -> seen.size() >= 5, Duration.ofSeconds(10));

        JsonNode first = feed.page(head, 2, null, null);
        JsonNode second = feed.page(first.path("nextCursor").asString(), 3, null, null);
        JsonNode all = feed.page(head, 5, null, null);

        List<String> sequences = new java.util.ArrayList<>(first.path("items").findValuesAsString("sequence"));
        sequences.addAll(second.path("items").findValuesAsString("sequence"));
        assertThat(sequences).containsExactlyElementsOf(all.path("items").findValuesAsString("sequence"));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void refusesLimitsWaitsTypesAndCursorsItDoesNotKnow() {
        assertInvalid(feed.read(null, 0, null, null), "limit");
        assertInvalid(feed.read(null, 1001, null, null), "limit");
        assertInvalid(feed.read(null, null, null, 31), "wait");
        assertInvalid(feed.read(null, null, null, -1), "wait");
        assertInvalid(feed.read(null, null, "customer.deleted", null), "types");
        assertInvalid(feed.read("bm90LWEtY3Vyc29y", null, null, null), "cursor");
    }

    private static void assertInvalid(RestTestClient.ResponseSpec response, String field) {
        response.expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("validation-failed")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }
}
