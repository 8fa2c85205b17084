package io.customeridentity.customer.internal;

import io.customeridentity.customer.CustomerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A customer's identity row: the ID never changes; status and the current-version pointer do (the pointer moves
 * with a conditional update, see {@link Customers#advance}).
 */
@Entity
@Table(name = "customers")
class Customer implements Persistable<String> {

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String prefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CustomerStatus status;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private boolean isNew;

    protected Customer() {}

    static Customer register(String id, String prefix, Instant createdAt) {
        Customer customer = new Customer();
        customer.id = id;
        customer.prefix = prefix;
        customer.status = CustomerStatus.ACTIVE;
        customer.currentVersion = 1;
        customer.createdAt = createdAt;
        customer.updatedAt = createdAt;
        customer.isNew = true;
        return customer;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}
