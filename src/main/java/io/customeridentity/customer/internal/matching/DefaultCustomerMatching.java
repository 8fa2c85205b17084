package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.CustomerMatching;
import io.customeridentity.customer.internal.profile.ContactNormalizer;
import io.customeridentity.customer.internal.profile.Violations;
import io.customeridentity.identifier.CustomerId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contact look-ups and duplicate candidates through the blind indexes of {@code customer_contact_index}. */
@Service
class DefaultCustomerMatching implements CustomerMatching {

    private static final Map<String, String> REASONS =
            Map.of("EMAIL", "email", "PHONE", "phone", "NAME_POSTCODE", "name+postalCode");

    private final JdbcClient jdbc;
    private final ContactIndex index;
    private final ContactNormalizer normalizer;

    DefaultCustomerMatching(JdbcClient jdbc, ContactIndex index, ContactNormalizer normalizer) {
        this.jdbc = jdbc;
        this.index = index;
        this.normalizer = normalizer;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerId> byEmail(String email) {
        Violations violations = new Violations();
        String normalized = normalizer.email(email, violations);
        violations.throwIfAny();
        return normalized == null ? List.of() : lookup("EMAIL", index.emailIndex(normalized));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CustomerId> byPhone(String phone) {
        Violations violations = new Violations();
        String normalized = normalizer.phone(phone, violations);
        violations.throwIfAny();
        return normalized == null ? List.of() : lookup("PHONE", index.phoneIndex(normalized));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<CustomerId, Set<String>> sharedContacts(CustomerId id) {
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

    private List<CustomerId> lookup(String kind, byte[] blindIndex) {
        return jdbc.sql("""
                        SELECT customer_id FROM customer_contact_index WHERE kind = :kind AND blind_index = :index
                        ORDER BY customer_id""")
                .param("kind", kind)
                .param("index", blindIndex)
                .query((rs, n) -> CustomerId.parse(rs.getString(1)))
                .list();
    }
}
