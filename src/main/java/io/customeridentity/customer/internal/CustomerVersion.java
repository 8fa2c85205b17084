package io.customeridentity.customer.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/** One append-only version of a customer's profile: the full snapshot after a change, who made it and when. */
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

    @Column(name = "given_name")
    private String givenName;

    @Column(name = "family_name")
    private String familyName;

    private String email;

    private String phone;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Transient
    private boolean isNew;

    protected CustomerVersion() {}

    static CustomerVersion first(String customerId, Profile profile, Instant recordedAt, String recordedBy) {
        CustomerVersion version = new CustomerVersion();
        version.customerId = customerId;
        version.version = 1;
        version.givenName = profile.givenName();
        version.familyName = profile.familyName();
        version.email = profile.email();
        version.phone = profile.phone();
        version.recordedAt = recordedAt;
        version.recordedBy = recordedBy;
        version.isNew = true;
        return version;
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
