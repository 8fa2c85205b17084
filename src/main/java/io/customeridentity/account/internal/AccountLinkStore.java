package io.customeridentity.account.internal;

import io.customeridentity.account.AccountType;
import io.customeridentity.customer.CustomerErased;
import io.customeridentity.identifier.CustomerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * JDBC access to account links and unlink events (both append-only) and their look-up rows (fingerprint, mask,
 * label: {@code account_link_lookups}, which erasure empties). A link without its look-up row is an erased
 * customer's: every query here joins it, so such a link is found by none.
 */
@Component
class AccountLinkStore {

    /** A stored link, its number still encrypted. */
    record Row(
            UUID linkId,
            String customerId,
            AccountType type,
            String masked,
            String last4,
            String label,
            Instant linkedAt,
            Instant unlinkedAt) {}

    private static final String SELECT = """
            SELECT l.link_id, l.customer_id, l.type, f.masked, f.last4, f.label, l.linked_at, u.unlinked_at
            FROM account_links l JOIN account_link_lookups f ON f.link_id = l.link_id
            LEFT JOIN account_unlinks u ON u.link_id = l.link_id
            """;

    private final JdbcClient jdbc;

    AccountLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises linking one number to one customer until the transaction ends. */
    void lock(String customerId, byte[] fingerprint) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:customer || encode(:fingerprint, 'hex'), 1))")
                .param("customer", customerId)
                .param("fingerprint", fingerprint)
                .query((rs, n) -> 1)
                .single();
    }

    Optional<Row> currentLink(String customerId, byte[] fingerprint) {
        return jdbc.sql(SELECT
                        + "WHERE l.customer_id = :customer AND f.fingerprint = :fingerprint AND u.link_id IS NULL")
                .param("customer", customerId)
                .param("fingerprint", fingerprint)
                .query(AccountLinkStore::row)
                .optional();
    }

    /** {@link CustomerErased} when the customer was erased meanwhile (the database refuses the look-up row). */
    void insert(Row row, byte[] fingerprint, UUID dataKeyId, byte[] numberCiphertext, String actor) {
        try {
            insertRows(row, fingerprint, dataKeyId, numberCiphertext, actor);
        } catch (DataAccessException ex) {
            if (CustomerErased.refusedByDatabase(ex)) {
                throw CustomerErased.forId(CustomerId.parse(row.customerId()));
            }
            throw ex;
        }
    }

    private void insertRows(Row row, byte[] fingerprint, UUID dataKeyId, byte[] numberCiphertext, String actor) {
        jdbc.sql("""
                        WITH link AS (
                            INSERT INTO account_links (link_id, customer_id, type, data_key_id, number_ciphertext,
                                                       linked_at, linked_by)
                            VALUES (:link, :customer, :type, :key, :ciphertext, :linkedAt, :actor)
                        )
                        INSERT INTO account_link_lookups (link_id, customer_id, fingerprint, masked, last4, label)
                        VALUES (:link, :customer, :fingerprint, :masked, :last4, :label)""")
                .param("link", row.linkId())
                .param("customer", row.customerId())
                .param("type", row.type().name())
                .param("fingerprint", fingerprint)
                .param("key", dataKeyId)
                .param("ciphertext", numberCiphertext)
                .param("masked", row.masked())
                .param("last4", row.last4())
                .param("label", row.label())
                .param("linkedAt", Timestamp.from(row.linkedAt()))
                .param("actor", actor)
                .update();
    }

    /** The links of the given customers (a merge group). */
    List<Row> links(List<CustomerId> customerIds, boolean includeUnlinked) {
        return jdbc.sql(SELECT + "WHERE l.customer_id = ANY(:customers)"
                        + (includeUnlinked ? "" : " AND u.link_id IS NULL")
                        + " ORDER BY l.linked_at, l.link_id")
                .param("customers", customerIds.stream().map(CustomerId::value).toArray(String[]::new))
                .query(AccountLinkStore::row)
                .list();
    }

    Optional<Row> link(String customerId, UUID linkId) {
        return jdbc.sql(SELECT + "WHERE l.customer_id = :customer AND l.link_id = :link")
                .param("customer", customerId)
                .param("link", linkId)
                .query(AccountLinkStore::row)
                .optional();
    }

    /** Records the unlinking unless already recorded; whether this call recorded it. */
    boolean unlink(UUID linkId, Instant at, String actor) {
        return jdbc.sql("""
                        INSERT INTO account_unlinks (link_id, unlinked_at, unlinked_by) VALUES (:link, :at, :actor)
                        ON CONFLICT (link_id) DO NOTHING""")
                        .param("link", linkId)
                        .param("at", Timestamp.from(at))
                        .param("actor", actor)
                        .update()
                > 0;
    }

    /** Other customers with a current link to a number this customer has currently linked; index look-ups only. */
    List<String> customersSharingFingerprints(String customerId) {
        return jdbc.sql("""
                        SELECT DISTINCT other.customer_id
                        FROM account_link_lookups mine
                        JOIN account_link_lookups other ON other.fingerprint = mine.fingerprint
                                                       AND other.customer_id <> mine.customer_id
                        WHERE mine.customer_id = :customer
                          AND NOT EXISTS (SELECT 1 FROM account_unlinks u WHERE u.link_id = mine.link_id)
                          AND NOT EXISTS (SELECT 1 FROM account_unlinks u WHERE u.link_id = other.link_id)""").param("customer", customerId).query(String.class).list();
    }

    /** Currently linked rows with this fingerprint, optionally of one type. */
    List<Row> linkedTo(byte[] fingerprint, AccountType type) {
        return jdbc.sql(SELECT + "WHERE f.fingerprint = :fingerprint AND u.link_id IS NULL"
                        + " AND (CAST(:type AS varchar) IS NULL OR l.type = :type) ORDER BY l.linked_at, l.link_id")
                .param("fingerprint", fingerprint)
                .param("type", type == null ? null : type.name())
                .query(AccountLinkStore::row)
                .list();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp unlinked = rs.getTimestamp("unlinked_at");
        return new Row(
                rs.getObject("link_id", UUID.class),
                rs.getString("customer_id"),
                AccountType.valueOf(rs.getString("type")),
                rs.getString("masked"),
                rs.getString("last4"),
                rs.getString("label"),
                rs.getTimestamp("linked_at").toInstant(),
                unlinked == null ? null : unlinked.toInstant());
    }
}
