package io.customeridentity.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.support.Http;
import io.customeridentity.support.IntegrationTest;
import io.customeridentity.support.TestTokens;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Registrations with and without an {@code Idempotency-Key} mixed under load, on the default pool of 10 connections:
 * no lock is held while waiting for a connection, nor a connection while waiting for a lock, so the mix runs as fast
 * as keyed registrations alone (within 2x), every request answers within 2 s and none fails.
 */
@IntegrationTest
class RegistrationUnderLoadIntegrationTests {

    private static final int CLIENTS = 48;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("load.registration-seconds", 15));

    @LocalServerPort
    int port;

    @Test
    void mixedKeyedAndUnkeyedRegistrationsNeverStall() throws Exception {
        Result keyedOnly = run(0);
        Result mixed = run(5);

        assertThat(keyedOnly.failures()).as("keyed only: failures").isZero();
        assertThat(mixed.failures()).as("mixed: failures (5xx or transport)").isZero();
        assertThat(mixed.slowest()).as("mixed: slowest request").isLessThan(Duration.ofSeconds(2));
        assertThat(mixed.perSecond())
                .as("mixed throughput against keyed only (%s)", keyedOnly)
                .isGreaterThan(keyedOnly.perSecond() / 2);
    }

    /** Runs {@link #CLIENTS} clients for {@link #RUN}; every {@code unkeyedEvery}-th request has no key (0: none). */
    private Result run(int unkeyedEvery) throws Exception {
        Http http = new Http(port);
        String token = TestTokens.readWrite();
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong slowestNanos = new AtomicLong();
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/api/v1/customers"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"givenName\":\"Load\",\"familyName\":\"Test\"}"));
                    if (unkeyedEvery == 0 || ++n % unkeyedEvery != 0) {
                        request.header("Idempotency-Key", UUID.randomUUID().toString());
                    }
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request.build());
                        if (answer.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException ex) {
                        failures.incrementAndGet();
                    }
                    slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    done.incrementAndGet();
                }
            }));
        }
        clients.shutdown();
        for (Future<?> client : running) {
            client.get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
        }
        return new Result(done.get() / (double) RUN.toSeconds(), failures.get(), Duration.ofNanos(slowestNanos.get()));
    }

    private record Result(double perSecond, long failures, Duration slowest) {}
}
