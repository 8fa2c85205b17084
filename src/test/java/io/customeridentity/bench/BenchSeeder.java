package io.customeridentity.bench;

import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.internal.matching.MatchKeys;
import io.customeridentity.identifier.BodyPermutation;
import io.customeridentity.identifier.CustomerIdScheme;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds a benchmark database the way the service itself would have written it: IDs from the service's sequence
 * and stored FF1 key, a data key per customer wrapped by the same master key, the profile snapshot encrypted with
 * the same associated data, blind indexes and match keys, then interactions, loaded with COPY rather than one HTTP call per row.
 *
 * <p>Arguments: jdbcUrl user masterKeyBase64 customers interactions heavyInteractions outputDirectory
 */
public final class BenchSeeder {

    private static final int CHUNK = 20_000;
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] TYPES = {"WEB_VISIT", "EMAIL_OPEN", "PURCHASE", "FEEDBACK", "SUPPORT_CONTACT"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        MasterKey masterKey = MasterKey.fromBase64(args[2]);
        int customers = Integer.parseInt(args[3]);
        long interactions = Long.parseLong(args[4]);
        int heavy = Integer.parseInt(args[5]);
        Path output = Path.of(args[6]);
        try (Connection connection = DriverManager.getConnection(url, user, null)) {
            long start = System.nanoTime();
            List<String> ids = seedCustomers(connection, masterKey, customers);
            log("customers", customers, start);
            start = System.nanoTime();
            seedInteractions(connection, ids, interactions, heavy);
            log("interactions", interactions, start);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            Files.write(output.resolve("ids.txt"), ids.subList(0, Math.min(ids.size(), 200_000)));
            Files.writeString(output.resolve("heavy-customer.txt"), ids.get(0));
        }
    }

    private static List<String> seedCustomers(Connection connection, MasterKey masterKey, int count)
            throws SQLException, IOException {
        EnvelopeEncryption encryption = new EnvelopeEncryption(masterKey);
        BlindIndex emails = new BlindIndex(masterKey, "email");
        MatchKeys matchKeys = new MatchKeys(masterKey);
        JsonMapper json = JsonMapper.builder().build();
        CustomerIdScheme scheme = new CustomerIdScheme(List.of("AC"), "AC", new BodyPermutation(ff1Key(connection)));
        long first = reserveSequence(connection, count);
        CopyManager copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
        List<String> ids = new ArrayList<>(count);
        String now = Instant.now().toString();
        for (int from = 0; from < count; from += CHUNK) {
            StringBuilder customers = new StringBuilder();
            StringBuilder keys = new StringBuilder();
            StringBuilder versions = new StringBuilder();
            StringBuilder contacts = new StringBuilder();
            StringBuilder keyRows = new StringBuilder();
            for (int i = from; i < Math.min(count, from + CHUNK); i++) {
                String id = scheme.issue("AC", first + i).value();
                ids.add(id);
                DataKey key = encryption.generateDataKey();
                String email = "bench." + i + "@example.org";
                CustomerProfile profile =
                        new CustomerProfile("Given" + i, "Family" + i, email, null, null, null, Map.of());
                byte[] ciphertext = encryption.encrypt(
                        key, json.writeValueAsBytes(profile), "customer_versions:" + id + ":1:profile");
                customers
                        .append(id)
                        .append("\tAC\tACTIVE\t1\t")
                        .append(now)
                        .append('\t')
                        .append(now)
                        .append('\n');
                keys.append(key.id())
                        .append('\t')
                        .append(id)
                        .append('\t')
                        .append(encryption.currentKekId())
                        .append("\t\\\\x")
                        .append(HEX.formatHex(encryption.wrap(key, id)))
                        .append('\t')
                        .append(now)
                        .append('\n');
                versions.append(id)
                        .append("\t1\t")
                        .append(key.id())
                        .append("\t\\\\x")
                        .append(HEX.formatHex(ciphertext))
                        .append("\tgivenName,familyName,email\t\\N\t")
                        .append(now)
                        .append("\tbench-seeder\n");
                contacts.append(id)
                        .append("\tEMAIL\t\\\\x")
                        .append(HEX.formatHex(emails.of(email)))
                        .append('\n');
                for (byte[] matchKey : matchKeys.of(profile)) {
                    keyRows.append(id)
                            .append("\t\\\\x")
                            .append(HEX.formatHex(matchKey))
                            .append('\n');
                }
            }
            copy.copyIn(
                    "COPY customers (id, prefix, status, current_version, created_at, updated_at) FROM STDIN",
                    new StringReader(customers.toString()));
            copy.copyIn(
                    "COPY customer_data_keys (key_id, customer_id, kek_id, wrapped_key, created_at) FROM STDIN",
                    new StringReader(keys.toString()));
            copy.copyIn(
                    "COPY customer_versions (customer_id, version, data_key_id, profile_ciphertext, changed_fields,"
                            + " reason_ciphertext, recorded_at, recorded_by) FROM STDIN",
                    new StringReader(versions.toString()));
            copy.copyIn(
                    "COPY customer_contact_index (customer_id, kind, blind_index) FROM STDIN",
                    new StringReader(contacts.toString()));
            copy.copyIn(
                    "COPY customer_match_keys (customer_id, match_key) FROM STDIN",
                    new StringReader(keyRows.toString()));
        }
        return ids;
    }

    /** The first interactions all belong to the first customer (the one with a long timeline). */
    private static void seedInteractions(Connection connection, List<String> ids, long count, int heavy)
            throws SQLException, IOException {
        CopyManager copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
        Random random = new Random(42);
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        String now = Instant.now().toString();
        for (long from = 0; from < count; from += CHUNK) {
            StringBuilder rows = new StringBuilder();
            for (long i = from; i < Math.min(count, from + CHUNK); i++) {
                String customer = i < heavy ? ids.get(0) : ids.get(random.nextInt(ids.size()));
                String type = TYPES[(int) (i % TYPES.length)];
                rows.append(UUID.randomUUID())
                        .append('\t')
                        .append(customer)
                        .append('\t')
                        .append(type)
                        .append("\tWEB\t")
                        .append(base.plusSeconds(i * 7))
                        .append('\t')
                        .append(now)
                        .append("\tseed\tseed-")
                        .append(i)
                        .append('\t');
                if (type.equals("PURCHASE")) {
                    rows.append(i % 500).append(".99\tEUR\t\\N");
                } else if (type.equals("FEEDBACK")) {
                    rows.append("\\N\t\\N\t").append(1 + i % 5);
                } else {
                    rows.append("\\N\t\\N\t\\N");
                }
                rows.append("\t\\N\t\\N\n");
            }
            copy.copyIn(
                    "COPY interactions (id, customer_id, type, channel, occurred_at, recorded_at, source,"
                            + " external_id, amount_value, amount_currency, rating, data_key_id, details_ciphertext)"
                            + " FROM STDIN",
                    new StringReader(rows.toString()));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO interaction_stats
                        (customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at)
                    SELECT customer_id, type, coalesce(amount_currency, ''), count(*), coalesce(sum(amount_value), 0),
                           coalesce(sum(rating), 0), count(rating), min(occurred_at), max(occurred_at)
                    FROM interactions GROUP BY 1, 2, 3""");
        }
    }

    private static byte[] ff1Key(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT ff1_key FROM customer_id_keys WHERE id = 1")) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    /** Takes {@code count} values of the service's own sequence; the first of them. */
    private static long reserveSequence(Connection connection, int count) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT setval('customer_id_seq', nextval('customer_id_seq') + " + (count - 1) + ")")) {
            rs.next();
            return rs.getLong(1) - count + 1;
        }
    }

    private static void log(String what, long count, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("seeded %,d %s in %.1f s (%,.0f/s)%n", count, what, seconds, count / seconds);
    }
}
