package io.customeridentity.customer.internal.matching;

import io.customeridentity.customer.CustomerStatus;
import io.customeridentity.customer.internal.store.CustomerTables;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.customer.internal.versions.StoredVersion;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the active customers without match keys theirs: those registered before match keys existed (migration V52),
 * and any whose keys a failure left out. Runs shortly after start and then daily, in batches by ID; a customer
 * changed meanwhile gets the keys of its change instead ({@link CustomerTables#addMatchKeysIfCurrent}).
 */
@Component
class MatchKeyBackfill {

    private static final Logger log = LoggerFactory.getLogger(MatchKeyBackfill.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final CustomerVersionStore store;
    private final MatchKeys keys;
    private final CustomerTables tables;

    MatchKeyBackfill(JdbcClient jdbc, CustomerVersionStore store, MatchKeys keys, CustomerTables tables) {
        this.jdbc = jdbc;
        this.store = store;
        this.keys = keys;
        this.tables = tables;
    }

    /** The number of customers given match keys. */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "P1D")
    int run() {
        String after = "";
        int filled = 0;
        while (true) {
            List<String> ids = jdbc.sql("""
                            SELECT c.id FROM customers c
                            WHERE c.id > :after AND c.status = 'ACTIVE'
                              AND NOT EXISTS (SELECT 1 FROM customer_match_keys k WHERE k.customer_id = c.id)
                            ORDER BY c.id LIMIT :batch""")
                    .param("after", after)
                    .param("batch", BATCH)
                    .query(String.class)
                    .list();
            if (ids.isEmpty()) {
                break;
            }
            for (String id : ids) {
                StoredVersion current = store.current(id).orElse(null);
                if (current != null && current.status() == CustomerStatus.ACTIVE) {
                    List<byte[]> matchKeys = keys.of(store.details(current).profile());
                    if (!matchKeys.isEmpty() && tables.addMatchKeysIfCurrent(id, current.version(), matchKeys)) {
                        filled++;
                    }
                }
            }
            after = ids.get(ids.size() - 1);
        }
        if (filled > 0) {
            log.info("Match keys written for {} customers that had none", filled);
        }
        return filled;
    }
}
