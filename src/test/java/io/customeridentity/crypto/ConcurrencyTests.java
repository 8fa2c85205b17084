package io.customeridentity.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One shared instance serves many threads at once, as the Spring singletons will. */
class ConcurrencyTests {

    private static final int THREADS = 8;
    private static final int ROUNDS = 1000;

    @Test
    void sharedEnvelopeEncryptionRoundTripsFromManyThreads() throws Exception {
        EnvelopeEncryption encryption = new EnvelopeEncryption(TestKeys.masterKey());
        DataKey shared = encryption.generateDataKey();
        Set<String> nonces = ConcurrentHashMap.newKeySet();

        runConcurrently(thread -> {
            DataKey own = encryption.generateDataKey();
            for (int i = 0; i < ROUNDS; i++) {
                String context = "customer_versions:T" + thread + ":" + i;
                byte[] plaintext = ("value " + thread + "/" + i).getBytes(StandardCharsets.UTF_8);
                byte[] ciphertext = encryption.encrypt(shared, plaintext, context);
                nonces.add(HexFormat.of().formatHex(Arrays.copyOf(ciphertext, 12)));
                assertThat(encryption.decrypt(shared, ciphertext, context)).isEqualTo(plaintext);
                byte[] wrapped = encryption.wrap(own, "T" + thread);
                assertThat(encryption.unwrap(own.id(), "kek-v1", wrapped, "T" + thread))
                        .isEqualTo(own);
            }
        });

        assertThat(nonces).hasSize(THREADS * ROUNDS);
    }

    @Test
    void sharedBlindIndexAgreesWithItselfFromManyThreads() throws Exception {
        BlindIndex index = new BlindIndex(TestKeys.masterKey(), "email");
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            expected.add(index.of("user" + i + "@example.org"));
        }

        runConcurrently(thread -> {
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(index.of("user" + i + "@example.org")).isEqualTo(expected.get(i));
            }
        });
    }

    private static void runConcurrently(ThreadBody body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    body.run(thread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS); // rethrows any assertion failure from the thread
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface ThreadBody {
        void run(int thread) throws Exception;
    }
}
