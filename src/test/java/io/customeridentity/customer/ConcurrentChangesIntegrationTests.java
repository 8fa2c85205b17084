package io.customeridentity.customer;

import static io.customeridentity.support.CustomerTestData.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.CustomerApi;
import io.customeridentity.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Optimistic concurrency: of concurrent changes based on the same version, exactly one wins. */
@IntegrationTest
class ConcurrentChangesIntegrationTests {

    private static final int WRITERS = 20;

    @Autowired
    RestTestClient client;

    @Test
    void exactlyOneOfTwentyConcurrentPatchesWinsEachVersion() throws Exception {
        CustomerApi api = new CustomerApi(client);
        String id = api.created(aCustomer().build()).path("id").asString();

        for (int version = 1; version <= 3; version++) {
            int basedOn = version;
            List<Integer> statuses = concurrently(writer -> api.patch(
                            id, "\"" + basedOn + "\"", Map.of("givenName", "Writer " + writer + " on " + basedOn))
                    .returnResult()
                    .getStatus()
                    .value());

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 412).hasSize(WRITERS - 1);
        }

        JsonNode versions = api.json("/api/v1/customers/" + id + "/versions");
        List<Integer> numbers = new ArrayList<>();
        versions.path("items").forEach(item -> numbers.add(item.path("version").asInt()));
        assertThat(numbers).containsExactly(4, 3, 2, 1);
        assertThat(api.json("/api/v1/customers/" + id).path("version").asInt()).isEqualTo(4);
    }

    /** Runs the task for every writer at once (they start together) and collects the results. */
    private static <T> List<T> concurrently(WriterTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int n = writer;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(n);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @FunctionalInterface
    interface WriterTask<T> {
        T run(int writer) throws Exception;
    }
}
