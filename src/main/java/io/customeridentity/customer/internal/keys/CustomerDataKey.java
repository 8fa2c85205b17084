package io.customeridentity.customer.internal.keys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer's data key, stored only wrapped by the key-encryption key. */
@Entity
@Table(name = "customer_data_keys")
class CustomerDataKey {

    @Id
    @Column(name = "key_id")
    private UUID keyId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private String customerId;

    @Column(name = "kek_id", nullable = false)
    private String kekId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CustomerDataKey() {}
}
