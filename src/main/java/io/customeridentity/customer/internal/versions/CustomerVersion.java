package io.customeridentity.customer.internal.versions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One append-only version of a customer's profile: the encrypted snapshot after a change, which fields changed, who
 * made it, when and (encrypted) why. Mapped for queries and schema validation; written by {@code CustomerTables}, never
 * updated (the database rejects it).
 */
@Entity
@Table(name = "customer_versions")
@IdClass(CustomerVersion.Key.class)
class CustomerVersion {

    /** Primary key: the customer and the version number. */
    record Key(String customerId, int version) implements Serializable {}

    @Id
    @Column(name = "customer_id")
    private String customerId;

    @Id
    private int version;

    @Column(name = "data_key_id", nullable = false)
    private UUID dataKeyId;

    @Column(name = "profile_ciphertext", nullable = false)
    private byte[] profileCiphertext;

    @Column(name = "changed_fields", nullable = false)
    private String changedFields;

    @Column(name = "reason_ciphertext")
    private byte[] reasonCiphertext;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected CustomerVersion() {}
}
