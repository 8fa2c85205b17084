package io.customeridentity.customer.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Customer identity rows. */
interface Customers extends Repository<Customer, String> {

    Customer save(Customer customer);

    /**
     * The customer joined with its current version in one statement: this is the hottest read path, so it is a
     * projection rather than two entity loads.
     */
    @Query("""
            select new io.customeridentity.customer.internal.CurrentCustomer(
                c.id, c.status, c.currentVersion, c.createdAt, v.givenName, v.familyName, v.email, v.phone)
            from Customer c join CustomerVersion v on v.customerId = c.id and v.version = c.currentVersion
            where c.id = :id""")
    Optional<CurrentCustomer> findCurrent(String id);
}
