package io.customeridentity.customer.internal.versions;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Customer identity rows, and reads of a customer joined with a past version and its data key in a single
 * statement (a projection rather than three entity loads). The current version is read by {@link CurrentVersions}.
 */
interface Customers extends Repository<Customer, String> {

    String STORED_VERSION = """
            select new io.customeridentity.customer.internal.versions.StoredVersion(
                c.id, c.status, c.currentVersion, c.createdAt, v.version, v.recordedAt, v.recordedBy,
                v.changedFields, v.profileCiphertext, v.reasonCiphertext, k.keyId, k.kekId, k.wrappedKey)
            from Customer c
                join CustomerVersion v on v.customerId = c.id
                join CustomerDataKey k on k.keyId = v.dataKeyId
            """;

    boolean existsById(String id);

    @Query(STORED_VERSION + "where c.id = :id and v.version = :version")
    Optional<StoredVersion> findVersion(String id, int version);

    @Query(STORED_VERSION + """
            where c.id = :id and v.version = (
                select max(o.version) from CustomerVersion o where o.customerId = :id and o.recordedAt <= :at)""")
    Optional<StoredVersion> findAsOf(String id, Instant at);

    /**
     * Moves the current-version pointer from {@code expected} to the next version; 0 rows when another change got
     * there first. The row lock this takes serialises concurrent changes of one customer.
     */
    @Modifying
    @Query("""
            update Customer c set c.currentVersion = :expected + 1, c.updatedAt = :at
            where c.id = :id and c.currentVersion = :expected""")
    int advance(String id, int expected, Instant at);

    @Query("select c.currentVersion from Customer c where c.id = :id")
    Optional<Integer> currentVersion(String id);
}
