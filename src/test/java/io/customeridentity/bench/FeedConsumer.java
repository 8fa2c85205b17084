package io.customeridentity.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change feed's consumer side for {@code bench/feed.sh}.
 *
 * <ul>
 *   <li>{@code throughput <url> <token>}: reads the whole feed from its start with {@code limit=1000}, one consumer,
 *       and prints {@code events=<n> seconds=<s> rate=<events per second>}.
 *   <li>{@code latency <url> <token> <seconds> [<rabbitmq host> <exchange>]}: from the head of the feed, long-polls it
 *       (and, when given, consumes a queue bound to the relay's exchange) for that many seconds, and prints for each
 *       the count and the p50, p99 and maximum of the time from the event's {@code time} (the change's time, taken
 *       inside its transaction, so a little before its commit) to its arrival here, in milliseconds:
 *       {@code feed: events=<n> p50=<ms> p99=<ms> max=<ms>} and {@code rabbitmq: ...}.
 * </ul>
 */
public final class FeedConsumer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String token;

    private FeedConsumer(String url, String token) {
        this.url = url;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        FeedConsumer consumer = new FeedConsumer(args[1], args[2]);
        switch (args[0]) {
            case "throughput" -> consumer.throughput();
            case "latency" ->
                consumer.latency(
                        Integer.parseInt(args[3]), args.length > 4 ? args[4] : null, args.length > 5 ? args[5] : null);
            default -> throw new IllegalArgumentException("throughput or latency, not " + args[0]);
        }
    }

    private void throughput() throws Exception {
        long start = System.nanoTime();
        long events = 0;
        String cursor = null;
        while (true) {
            JsonNode page = page(cursor, 0);
            int items = page.path("items").size();
            events += items;
            cursor = page.path("nextCursor").asString();
            if (items == 0) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("events=%d seconds=%.3f rate=%.1f%n", events, seconds, events / seconds);
    }

    private void latency(int seconds, String rabbitHost, String exchange) throws Exception {
        String cursor = null;
        while (true) {
            JsonNode page = page(cursor, 0);
            cursor = page.path("nextCursor").asString();
            if (page.path("items").isEmpty()) {
                break;
            }
        }
        List<Long> rabbit = Collections.synchronizedList(new ArrayList<>());
        Connection connection = null;
        if (rabbitHost != null) {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(rabbitHost);
            connection = factory.newConnection();
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, exchange, "#");
            DeliverCallback deliver = (tag, delivery) -> rabbit.add(sinceEvent(JSON.readTree(delivery.getBody())));
            channel.basicConsume(queue, true, deliver, tag -> {});
        }
        List<Long> feed = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode page = page(cursor, 1);
            for (JsonNode event : page.path("items")) {
                feed.add(sinceEvent(event));
            }
            cursor = page.path("nextCursor").asString();
        }
        if (connection != null) {
            Thread.sleep(2_000); // the relay's last deliveries
            connection.close();
        }
        print("feed", feed);
        if (rabbitHost != null) {
            print("rabbitmq", new ArrayList<>(rabbit));
        }
    }

    private static long sinceEvent(JsonNode event) {
        Instant time = Instant.parse(event.path("time").asString());
        return System.currentTimeMillis() - time.toEpochMilli();
    }

    private static void print(String name, List<Long> millis) {
        Collections.sort(millis);
        System.out.printf(
                "%s: events=%d p50=%d p99=%d max=%d%n",
                name,
                millis.size(),
                percentile(millis, 50),
                percentile(millis, 99),
                millis.isEmpty() ? -1 : millis.get(millis.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private JsonNode page(String cursor, int wait) throws Exception {
        String query = "limit=1000" + (wait > 0 ? "&wait=" + wait : "")
                + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/events?" + query))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/events answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
