package io.customeridentity.customer.internal.store;

import io.customeridentity.customer.CustomerErasures;
import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.internal.matching.ContactIndex;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.shared.UnnestParameters;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only class that writes {@code customers}, {@code customer_data_keys}, {@code customer_versions},
 * {@code customer_contact_index} and {@code customer_match_keys}, and the only caller of {@code erase_customer_data}, the one path that deletes a
 * customer's data keys and look-up rows. JdbcClient, not JPA: a registration writes all four tables in one set-based
 * statement on the hot path, and every other write here is one conditional statement with nothing to load first.
 */
@Component
public class CustomerTables {

    private final JdbcClient jdbc;

    CustomerTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registration ready to write: everything encrypted, nothing left to compute. */
    public record NewCustomerRows(
            String customerId,
            String prefix,
            UUID keyId,
            byte[] wrappedKey,
            byte[] profile,
            String fields,
            String actor,
            Instant now,
            List<ContactIndex.Entry> indexes,
            List<byte[]> matchKeys) {}

    /** One blind index of one customer. */
    private record IndexRow(String customerId, String kind, byte[] index) {}

    /** One match key of one customer. */
    private record MatchKeyRow(String customerId, byte[] key) {}

    /**
     * Stores new customers: the identity row, the data key, version 1 and the blind indexes, in one statement
     * (data-modifying CTEs over unnested arrays): atomic on its own even in autocommit, the foreign keys checked at
     * its end.
     */
    public void insert(List<NewCustomerRows> rows, String kekId) {
        List<IndexRow> indexRows = rows.stream()
                .flatMap(row -> row.indexes().stream()
                        .map(entry -> new IndexRow(row.customerId(), entry.kind(), entry.blindIndex())))
                .toList();
        List<MatchKeyRow> keyRows = rows.stream()
                .flatMap(row -> row.matchKeys().stream().map(key -> new MatchKeyRow(row.customerId(), key)))
                .toList();
        jdbc.sql("""
                        WITH registration AS (
                            SELECT * FROM unnest(CAST(:ids AS varchar[]), CAST(:prefixes AS varchar[]),
                                CAST(:keyIds AS uuid[]), CAST(:wrappedKeys AS bytea[]), CAST(:profiles AS bytea[]),
                                CAST(:fields AS text[]), CAST(:actors AS varchar[]), CAST(:times AS timestamptz[]))
                                AS r(id, prefix, key_id, wrapped_key, profile, fields, actor, at)
                        ), customer AS (
                            INSERT INTO customers (id, prefix, status, current_version, created_at, updated_at)
                            SELECT id, prefix, 'ACTIVE', 1, at, at FROM registration
                        ), data_key AS (
                            INSERT INTO customer_data_keys (key_id, customer_id, kek_id, wrapped_key, created_at)
                            SELECT key_id, id, :kekId, wrapped_key, at FROM registration
                        ), first_version AS (
                            INSERT INTO customer_versions (customer_id, version, data_key_id, profile_ciphertext,
                                                           changed_fields, reason_ciphertext, recorded_at, recorded_by)
                            SELECT id, 1, key_id, profile, fields, NULL, at, actor FROM registration
                        ), match_keys AS (
                            INSERT INTO customer_match_keys (customer_id, match_key)
                            SELECT DISTINCT * FROM unnest(CAST(:keyOwners AS varchar[]), CAST(:matchKeys AS bytea[]))
                        )
                        INSERT INTO customer_contact_index (customer_id, kind, blind_index)
                        SELECT * FROM unnest(CAST(:indexOwners AS varchar[]), CAST(:kinds AS varchar[]),
                            CAST(:indexes AS bytea[]))""")
                .params(UnnestParameters.of(rows)
                        .text("ids", NewCustomerRows::customerId)
                        .text("prefixes", NewCustomerRows::prefix)
                        .text("keyIds", NewCustomerRows::keyId)
                        .bytes("wrappedKeys", NewCustomerRows::wrappedKey)
                        .bytes("profiles", NewCustomerRows::profile)
                        .text("fields", NewCustomerRows::fields)
                        .text("actors", NewCustomerRows::actor)
                        .text("times", NewCustomerRows::now)
                        .toMap())
                .params(UnnestParameters.of(indexRows)
                        .text("indexOwners", IndexRow::customerId)
                        .text("kinds", IndexRow::kind)
                        .bytes("indexes", IndexRow::index)
                        .toMap())
                .params(UnnestParameters.of(keyRows)
                        .text("keyOwners", MatchKeyRow::customerId)
                        .bytes("matchKeys", MatchKeyRow::key)
                        .toMap())
                .param("kekId", kekId)
                .update();
    }

    /** Whether every one of these customers is stored (after a failed {@link #insert}: all are, or none). */
    public boolean allStored(List<String> customerIds) {
        return jdbc.sql("SELECT count(*) FROM customers WHERE id = ANY(CAST(:ids AS varchar[]))")
                        .param("ids", customerIds.toArray(String[]::new))
                        .query(Long.class)
                        .single()
                == customerIds.size();
    }

    /**
     * Moves the current-version pointer from {@code expected} to the next version; false when another change got
     * there first or the customer has been merged or erased meanwhile. The row lock this takes serialises concurrent changes of
     * one customer, and a change with the merge that sets the status.
     */
    public boolean advance(String customerId, int expected, Instant at) {
        return jdbc.sql("""
                        UPDATE customers SET current_version = :expected + 1, updated_at = :at
                        WHERE id = :id AND current_version = :expected AND status = 'ACTIVE'""")
                        .param("expected", expected)
                        .param("at", Timestamp.from(at))
                        .param("id", customerId)
                        .update()
                > 0;
    }

    /** Appends a later version (version 1 comes with {@link #insert}); the history is append-only. */
    public void appendVersion(
            String customerId,
            int version,
            UUID dataKeyId,
            byte[] profileCiphertext,
            String changedFields,
            byte[] reasonCiphertext,
            Instant recordedAt,
            String recordedBy) {
        jdbc.sql("""
                        INSERT INTO customer_versions (customer_id, version, data_key_id, profile_ciphertext,
                                                       changed_fields, reason_ciphertext, recorded_at, recorded_by)
                        VALUES (:id, :version, :key, :profile, :fields, :reason, :at, :by)""")
                .param("id", customerId)
                .param("version", version)
                .param("key", dataKeyId)
                .param("profile", profileCiphertext)
                .param("fields", changedFields)
                .param("reason", reasonCiphertext)
                .param("at", Timestamp.from(recordedAt))
                .param("by", recordedBy)
                .update();
    }

    /** The customer's blind indexes become exactly these: the others of {@link ContactIndex#KINDS} are removed. */
    public void replaceContactIndex(String customerId, List<ContactIndex.Entry> entries) {
        Map<String, byte[]> byKind =
                entries.stream().collect(Collectors.toMap(ContactIndex.Entry::kind, ContactIndex.Entry::blindIndex));
        for (String kind : ContactIndex.KINDS) {
            putIndex(customerId, kind, byKind.get(kind));
        }
    }

    /** The customer's match keys become exactly these. */
    public void replaceMatchKeys(String customerId, List<byte[]> keys) {
        jdbc.sql("DELETE FROM customer_match_keys WHERE customer_id = :id")
                .param("id", customerId)
                .update();
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO customer_match_keys (customer_id, match_key)
                        SELECT DISTINCT :id, k FROM unnest(CAST(:keys AS bytea[])) AS k""")
                .param("id", customerId)
                .param("keys", keys.toArray(byte[][]::new))
                .update();
    }

    /**
     * Adds match keys computed from the given version, only while it is still the customer's current one and the
     * customer is active: the customer's row is share-locked in the same statement, so a concurrent change either
     * waits for it (and then replaces these keys) or has committed first (and this adds nothing).
     */
    public boolean addMatchKeysIfCurrent(String customerId, int version, List<byte[]> keys) {
        return jdbc.sql("""
                                WITH current AS (
                                    SELECT id FROM customers
                                    WHERE id = :id AND current_version = :version AND status = 'ACTIVE'
                                    FOR SHARE
                                )
                                INSERT INTO customer_match_keys (customer_id, match_key)
                                SELECT DISTINCT c.id, k FROM current c CROSS JOIN unnest(CAST(:keys AS bytea[])) AS k
                                ON CONFLICT DO NOTHING""")
                        .param("id", customerId)
                        .param("version", version)
                        .param("keys", keys.toArray(byte[][]::new))
                        .update()
                > 0;
    }

    /**
     * Erases the customer's merge group in the database: tombstones, erasure records, and the deletion of every data
     * key and look-up row of theirs (blind indexes, match keys, account fingerprints and masks, other systems' IDs, merge
     * reasons, idempotency keys), all inside the privileged function {@code erase_customer_data} (migration V52),
     * which is the one place that lists the look-up tables. Empty for an unknown ID.
     */
    public List<CustomerErasures.ErasedCustomer> erase(String customerId, Instant at, String actor, String reason) {
        return jdbc.sql("SELECT customer_id, erased_at FROM erase_customer_data(:id, :at, :actor, :reason)")
                .param("id", customerId)
                .param("at", Timestamp.from(at))
                .param("actor", actor)
                .param("reason", reason)
                .query((rs, n) -> {
                    Instant erasedAt = rs.getTimestamp("erased_at").toInstant();
                    return new CustomerErasures.ErasedCustomer(
                            CustomerId.parse(rs.getString("customer_id")), erasedAt, erasedAt.equals(at));
                })
                .list();
    }

    public void setStatus(String customerId, CustomerStatus status) {
        jdbc.sql("UPDATE customers SET status = :status WHERE id = :id")
                .param("status", status.name())
                .param("id", customerId)
                .update();
    }

    private void putIndex(String customerId, String kind, byte[] index) {
        if (index == null) {
            jdbc.sql("DELETE FROM customer_contact_index WHERE customer_id = :id AND kind = :kind")
                    .param("id", customerId)
                    .param("kind", kind)
                    .update();
            return;
        }
        jdbc.sql("""
                        INSERT INTO customer_contact_index (customer_id, kind, blind_index) VALUES (:id, :kind, :index)
                        ON CONFLICT (customer_id, kind) DO UPDATE SET blind_index = EXCLUDED.blind_index""")
                .param("id", customerId)
                .param("kind", kind)
                .param("index", index)
                .update();
    }
}
