package io.customeridentity.resolution.internal;

import io.customeridentity.customer.CustomerErased;
import io.customeridentity.identifier.CustomerId;
import io.customeridentity.resolution.ExternalRef;
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
 * JDBC access to external-ID mappings and their ends (both append-only) and the other systems' IDs themselves
 * ({@code external_ref_ids}, a look-up table that erasure empties). Every query joins the look-up row, so a mapping of
 * an erased customer is found by none.
 */
@Component
class ExternalRefStore {

    private static final String SELECT = """
            SELECT r.ref_id, r.customer_id, r.system, x.external_id, r.linked_at, e.ended_at
            FROM external_refs r JOIN external_ref_ids x ON x.ref_id = r.ref_id
            LEFT JOIN external_ref_ends e ON e.ref_id = r.ref_id
            """;

    private final JdbcClient jdbc;

    ExternalRefStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises mapping one external ID until the transaction ends. */
    void lock(String system, String externalId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:system || chr(31) || :external, 2))")
                .param("system", system)
                .param("external", externalId)
                .query((rs, n) -> 1)
                .single();
    }

    Optional<ExternalRef> current(String system, String externalId) {
        return jdbc.sql(SELECT + "WHERE x.system = :system AND x.external_id = :external AND e.ref_id IS NULL")
                .param("system", system)
                .param("external", externalId)
                .query(ExternalRefStore::ref)
                .optional();
    }

    /** {@link CustomerErased} when the customer was erased meanwhile (the database refuses the look-up row). */
    void insert(ExternalRef ref, String actor) {
        try {
            insertRows(ref, actor);
        } catch (DataAccessException ex) {
            if (CustomerErased.refusedByDatabase(ex)) {
                throw CustomerErased.forId(ref.customerId());
            }
            throw ex;
        }
    }

    private void insertRows(ExternalRef ref, String actor) {
        jdbc.sql("""
                        WITH ref AS (
                            INSERT INTO external_refs (ref_id, customer_id, system, linked_at, linked_by)
                            VALUES (:id, :customer, :system, :at, :by)
                        )
                        INSERT INTO external_ref_ids (ref_id, customer_id, system, external_id)
                        VALUES (:id, :customer, :system, :external)""")
                .param("id", ref.refId())
                .param("customer", ref.customerId().value())
                .param("system", ref.system())
                .param("external", ref.externalId())
                .param("at", Timestamp.from(ref.linkedAt()))
                .param("by", actor)
                .update();
    }

    List<ExternalRef> refsOf(List<CustomerId> customerIds, boolean includeEnded) {
        return jdbc.sql(SELECT + "WHERE r.customer_id = ANY(:customers)" + (includeEnded ? "" : " AND e.ref_id IS NULL")
                        + " ORDER BY r.linked_at, r.ref_id")
                .param("customers", customerIds.stream().map(CustomerId::value).toArray(String[]::new))
                .query(ExternalRefStore::ref)
                .list();
    }

    Optional<ExternalRef> ref(String customerId, UUID refId) {
        return jdbc.sql(SELECT + "WHERE r.customer_id = :customer AND r.ref_id = :id")
                .param("customer", customerId)
                .param("id", refId)
                .query(ExternalRefStore::ref)
                .optional();
    }

    boolean end(UUID refId, Instant at, String actor) {
        return jdbc.sql("""
                        INSERT INTO external_ref_ends (ref_id, ended_at, ended_by) VALUES (:id, :at, :by)
                        ON CONFLICT (ref_id) DO NOTHING""")
                        .param("id", refId)
                        .param("at", Timestamp.from(at))
                        .param("by", actor)
                        .update()
                > 0;
    }

    /** Other customers that hold, or once held, an external ID this customer holds or held. */
    List<String> customersSharingRefs(String customerId) {
        return jdbc.sql("""
                        SELECT DISTINCT other.customer_id
                        FROM external_ref_ids mine
                        JOIN external_ref_ids other ON other.system = mine.system AND other.external_id = mine.external_id
                                                   AND other.customer_id <> mine.customer_id
                        WHERE mine.customer_id = :customer""").param("customer", customerId).query(String.class).list();
    }

    private static ExternalRef ref(ResultSet rs, int rowNum) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new ExternalRef(
                rs.getObject("ref_id", UUID.class),
                CustomerId.parse(rs.getString("customer_id")),
                rs.getString("system"),
                rs.getString("external_id"),
                rs.getTimestamp("linked_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }
}
