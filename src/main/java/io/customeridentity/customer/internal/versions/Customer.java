package io.customeridentity.customer.internal.versions;

import io.customeridentity.customer.CustomerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer's identity row, for queries (written by {@code CustomerTables}): the ID never changes; status and the
 * current-version pointer do.
 */
@Entity
@Table(name = "customers")
class Customer {

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

    protected Customer() {}
}
