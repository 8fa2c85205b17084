package io.customeridentity.events.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes events older than {@code customer-identity.events.retention}, oldest first, in chunks of one transaction
 * each; the feed remembers the last position deleted, so an older cursor answers 410 cursor-expired.
 */
@Component
class EventRetention {

    private static final int CHUNK = 10_000;
    private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

    private final EventTables tables;
    private final TransactionTemplate transactions;
    private final EventsProperties properties;
    private final Clock clock;

    EventRetention(
            EventTables tables,
            PlatformTransactionManager transactionManager,
            EventsProperties properties,
            Clock clock) {
        this.tables = tables;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void expireOld() {
        int deleted = expireBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Retention deleted {} events", deleted);
        }
    }

    /** Deletes every event (positioned, so only committed ones) that occurred before the instant; how many. */
    int expireBefore(Instant cutoff) {
        Long through = tables.lastPositionBefore(cutoff).orElse(null);
        if (through == null) {
            return 0;
        }
        int total = 0;
        int deleted;
        do {
            deleted = transactions.execute(transaction -> tables.expire(through, CHUNK));
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
