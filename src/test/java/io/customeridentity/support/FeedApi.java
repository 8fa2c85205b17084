package io.customeridentity.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** The change feed as a consumer reads it: a token with events:read, pages after a cursor. */
public final class FeedApi {

    private final RestTestClient client;
    private final String token = TestTokens.withScopes("events:read");

    public FeedApi(RestTestClient client) {
        this.client = client;
    }

    /** The raw answer of one read; null arguments are left out of the query. */
    public RestTestClient.ResponseSpec read(String after, Integer limit, String types, Integer wait) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/events");
        if (after != null) {
            uri.queryParam("after", after);
        }
        if (limit != null) {
            uri.queryParam("limit", limit);
        }
        if (types != null) {
            uri.queryParam("types", types);
        }
        if (wait != null) {
            uri.queryParam("wait", wait);
        }
        return client.get()
                .uri(uri.build().toUriString())
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    public JsonNode page(String after, Integer limit, String types, Integer wait) {
        return read(after, limit, types, wait)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    /** The cursor after every event there is now (what a new consumer that skips history would store). */
    public String head() {
        String cursor = null;
        while (true) {
            JsonNode page = page(cursor, 1000, null, null);
            cursor = page.path("nextCursor").asString();
            if (page.path("items").isEmpty()) {
                return cursor;
            }
        }
    }

    /**
     * Follows the feed from the cursor, long-polling, until the events read so far satisfy {@code enough} or the
     * timeout passes; the events read.
     */
    public List<JsonNode> follow(String cursor, Predicate<List<JsonNode>> enough, Duration timeout) {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        String after = cursor;
        while (!enough.test(seen) && System.nanoTime() < deadline) {
            JsonNode page = page(after, 100, null, 1);
            page.path("items").forEach(seen::add);
            after = page.path("nextCursor").asString();
        }
        return seen;
    }

    /** The events about one customer among those read after the cursor, once {@code count} of them have arrived. */
    public List<JsonNode> about(String cursor, String customerId, int count) {
        return follow(
                        cursor,
                        events -> events.stream()
                                        .filter(event -> customerId.equals(
                                                event.path("subject").asString()))
                                        .count()
                                >= count,
                        Duration.ofSeconds(10))
                .stream()
                .filter(event -> customerId.equals(event.path("subject").asString()))
                .toList();
    }
}
