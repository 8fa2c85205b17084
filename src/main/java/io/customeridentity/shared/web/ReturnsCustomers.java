package io.customeridentity.shared.web;

import io.customeridentity.identifier.CustomerId;
import java.util.List;

/**
 * The answer of a look-up (a resolve, the duplicates): the customers it returns, for the audit trail, which records
 * one read per customer returned, or one {@code <action>.miss} when it returns none.
 */
public interface ReturnsCustomers {

    /** The customers this answer shows, in its order; empty when nothing matched. */
    List<CustomerId> returnedCustomers();
}
