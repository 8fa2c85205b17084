package io.customeridentity.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The physical baseline of batch ingestion: PostgreSQL's {@code COPY} of the rows that a {@code POST
 * /interactions/batch} of 1,000 web visits inserts (the columns and values of the pgbench multi-row INSERT beside
 * it), one {@code COPY} of 1,000 rows per transaction, from several connections at once for a fixed time. Prints
 * {@code rows=<n> seconds=<s> rate=<rows per second>}.
 *
 * <p>Arguments: jdbcUrl user idsFile connections seconds
 */
public final class CopyBaseline {

    private static final int ROWS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CopyBaseline() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        List<String> ids = Files.readAllLines(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        long nanos = Long.parseLong(args[4]) * 1_000_000_000L;
        String run = Long.toString(System.currentTimeMillis());
        AtomicLong rows = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            String client = run + "-c" + t;
            Thread thread = new Thread(() -> copyUntil(url, user, ids, client, start + nanos, rows));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("rows=%d seconds=%.3f rate=%.1f%n", rows.get(), seconds, rows.get() / seconds);
    }

    private static void copyUntil(String url, String user, List<String> ids, String client, long end, AtomicLong rows) {
        try (Connection connection = DriverManager.getConnection(url, user, null)) {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long batch = 0;
            while (System.nanoTime() < end) {
                String now = Instant.now().toString();
                StringBuilder text = new StringBuilder(ROWS * 120);
                for (int i = 0; i < ROWS; i++) {
                    text.append(timeOrdered())
                            .append('\t')
                            .append(ids.get(ThreadLocalRandom.current().nextInt(ids.size())))
                            .append("\tWEB_VISIT\tWEB\t")
                            .append(now)
                            .append('\t')
                            .append(now)
                            .append("\tcopy\t")
                            .append(client)
                            .append('-')
                            .append(batch)
                            .append('-')
                            .append(i)
                            .append("\t\\N\t\\N\t\\N\t\\N\t\\N\n");
                }
                copy.copyIn("""
                        COPY interactions (id, customer_id, type, channel, occurred_at, recorded_at, source,
                            external_id, amount_value, amount_currency, rating, data_key_id, details_ciphertext)
                        FROM STDIN""", new StringReader(text.toString()));
                rows.addAndGet(ROWS);
                batch++;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** UUID version 7, as the service makes interaction ids (see {@code TimeOrderedIds}). */
    private static UUID timeOrdered() {
        long mostSignificant = System.currentTimeMillis() << 16 | 0x7000L | (RANDOM.nextInt() & 0xFFF);
        return new UUID(mostSignificant, 0x8000_0000_0000_0000L | (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL));
    }
}
