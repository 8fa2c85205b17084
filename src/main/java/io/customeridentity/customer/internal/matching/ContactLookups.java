package io.customeridentity.customer.internal.matching;

import io.customeridentity.identifier.CustomerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reads of {@code customer_contact_index}: customers by one blind index, and those sharing a customer's. */
@Component
class ContactLookups {

    private static final Map<String, String> REASONS =
            Map.of("EMAIL", "email", "PHONE", "phone", "NAME_POSTCODE", "name+postalCode");

    private final JdbcClient jdbc;

    ContactLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomerId> lookup(String kind, byte[] blindIndex) {
        return jdbc.sql("""
                        SELECT customer_id FROM customer_contact_index WHERE kind = :kind AND blind_index = :index
                        ORDER BY customer_id""")
                .param("kind", kind)
                .param("index", blindIndex)
                .query((rs, n) -> CustomerId.parse(rs.getString(1)))
                .list();
    }

    Map<CustomerId, Set<String>> sharedContacts(CustomerId id) {
        Map<CustomerId, Set<String>> shared = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT other.customer_id, other.kind
                        FROM customer_contact_index mine
                        JOIN customer_contact_index other
                          ON other.kind = mine.kind AND other.blind_index = mine.blind_index
                         AND other.customer_id <> mine.customer_id
                        WHERE mine.customer_id = :id""")
                .param("id", id.value())
                .query((rs, n) -> Map.entry(CustomerId.parse(rs.getString(1)), REASONS.get(rs.getString(2))))
                .list()
                .forEach(match -> shared.computeIfAbsent(match.getKey(), key -> new TreeSet<>())
                        .add(match.getValue()));
        return shared;
    }
}
