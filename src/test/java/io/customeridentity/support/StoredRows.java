package io.customeridentity.support;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.crypto.EnvelopeEncryption;
import io.customeridentity.crypto.MasterKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows as an older version of the service stored them ({@code fixtures/stored-rows-v1.tsv}, written by the code of
 * commit 0061d52 with the test profile's master key): what today's code must still decrypt.
 */
public final class StoredRows {

    /** {@code customer-identity.crypto.master-key} of the test profile, with which the rows were written. */
    public static final String MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String[]> rows;

    private StoredRows(List<String[]> rows) {
        this.rows = rows;
    }

    public static StoredRows v1() {
        try (InputStream in = StoredRows.class.getResourceAsStream("/fixtures/stored-rows-v1.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new StoredRows(text.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2))
                    .toList());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static EnvelopeEncryption encryption() {
        return new EnvelopeEncryption(MasterKey.fromBase64(MASTER_KEY));
    }

    /** The rows of one table, in the order stored. */
    public List<JsonNode> of(String table) {
        return rows.stream()
                .filter(row -> row[0].equals(table))
                .map(row -> JSON.readTree(row[1]))
                .toList();
    }

    /** The customer's data key, unwrapped as today's code unwraps it. */
    public DataKey dataKey() {
        JsonNode key = of("customer_data_keys").get(0);
        return encryption()
                .unwrap(
                        UUID.fromString(key.path("key_id").asString()),
                        key.path("kek_id").asString(),
                        bytes(key, "wrapped_key"),
                        key.path("customer_id").asString());
    }

    /** A bytea column as PostgreSQL's row_to_json writes it ({@code \x} and hex). */
    public static byte[] bytes(JsonNode row, String column) {
        return HexFormat.of().parseHex(row.path(column).asString().substring(2));
    }
}
