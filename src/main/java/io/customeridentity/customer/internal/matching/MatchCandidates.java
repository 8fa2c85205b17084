package io.customeridentity.customer.internal.matching;

import io.customeridentity.identifier.CustomerId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Blocking: the customers sharing match keys with a profile, most keys shared first. A key held by more than the cap
 * of customers is skipped (it says little and would flood the candidates); reading at most cap + 1 holders of each
 * key bounds the work whatever the key. JdbcClient: one set-based query on the hot path.
 */
@Component
class MatchCandidates {

    private final JdbcClient jdbc;
    private final MatchingProperties properties;

    MatchCandidates(JdbcClient jdbc, MatchingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** At most {@code maxCandidates} customers other than {@code self} (null for none) sharing a usable key. */
    List<CustomerId> sharing(List<byte[]> keys, String self) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        WITH probe AS (
                            SELECT DISTINCT unnest(CAST(:keys AS bytea[])) AS match_key
                        ), holders AS (
                            SELECT p.match_key, h.customer_id FROM probe p
                            CROSS JOIN LATERAL (
                                SELECT k.customer_id FROM customer_match_keys k WHERE k.match_key = p.match_key
                                LIMIT :cap + 1) h
                        ), usable AS (
                            SELECT match_key FROM holders GROUP BY match_key HAVING count(*) <= :cap
                        )
                        SELECT h.customer_id FROM holders h JOIN usable u ON u.match_key = h.match_key
                        WHERE h.customer_id IS DISTINCT FROM CAST(:self AS varchar)
                        GROUP BY h.customer_id ORDER BY count(*) DESC, h.customer_id LIMIT :max""")
                .param("keys", keys.toArray(byte[][]::new))
                .param("cap", properties.keyCap())
                .param("self", self)
                .param("max", properties.maxCandidates())
                .query((rs, n) -> CustomerId.parse(rs.getString(1)))
                .list();
    }
}
