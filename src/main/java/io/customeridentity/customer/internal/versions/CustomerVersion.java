package io.customeridentity.customer.internal.versions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * One append-only version of a customer's profile: the encrypted snapshot after a change, which fields changed, who
 * made it, when and (encrypted) why. Never updated: the database rejects it.
 */
@Entity
@Table(name = "customer_versions")
@IdClass(CustomerVersion.Key.class)
class CustomerVersion implements Persistable<CustomerVersion.Key> {

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

    @Transient
    private boolean isNew;

    protected CustomerVersion() {}

    CustomerVersion(
            Key key,
            UUID dataKeyId,
            byte[] profileCiphertext,
            String changedFields,
            byte[] reasonCiphertext,
            Instant recordedAt,
            String recordedBy) {
        this.customerId = key.customerId();
        this.version = key.version();
        this.dataKeyId = dataKeyId;
        this.profileCiphertext = profileCiphertext;
        this.changedFields = changedFields;
        this.reasonCiphertext = reasonCiphertext;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.isNew = true;
    }

    @Override
    public Key getId() {
        return new Key(customerId, version);
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
