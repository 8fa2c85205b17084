package io.customeridentity.customer.internal.versions;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Reads of customer identity rows (JPA: single-row look-ups; written by {@code CustomerTables}). */
interface Customers extends Repository<Customer, String> {

    boolean existsById(String id);

    @Query("select c.currentVersion from Customer c where c.id = :id")
    Optional<Integer> currentVersion(String id);
}
