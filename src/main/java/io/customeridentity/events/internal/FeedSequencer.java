package io.customeridentity.events.internal;

import io.customeridentity.shared.BackgroundLoop;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives committed events their feed positions, on every instance but one at a time (a transaction-scoped advisory
 * lock per sweep, so another instance takes over at its next sweep when this one stops). Woken by local commits that
 * wrote events, and looks every {@code sequencer-interval} for those of other instances; each sweep that positioned
 * events notifies channel {@value #CHANNEL} (with the new head) for the long-polling readers of every instance.
 */
@Component
class FeedSequencer extends BackgroundLoop {

    static final String CHANNEL = "events_sequenced";
    private static final int MAX_PER_SWEEP = 5_000;

    private final EventTables tables;
    private final TransactionTemplate transactions;
    private final FeedSignal signal;
    private final EventsProperties properties;
    private final Semaphore nudges = new Semaphore(0);

    FeedSequencer(
            EventTables tables,
            PlatformTransactionManager transactionManager,
            FeedSignal signal,
            EventsProperties properties) {
        super("event-feed-sequencer");
        this.tables = tables;
        this.transactions = new TransactionTemplate(transactionManager);
        this.signal = signal;
        this.properties = properties;
    }

    /** A transaction that wrote events committed: sweep soon. */
    void nudge() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    /** One sweep: the new head if this instance positioned events, empty if there were none or another sweeps. */
    Optional<Long> sweep() {
        Optional<Long> head = transactions.execute(transaction -> {
            if (!tables.trySequencerLock()) {
                return Optional.<Long>empty();
            }
            Optional<Long> positioned = tables.sequence(MAX_PER_SWEEP);
            positioned.ifPresent(last -> tables.announce(CHANNEL, last));
            return positioned;
        });
        head.ifPresent(signal::advanced);
        return head;
    }

    /** One sweep, then, if it positioned nothing, a wait for a nudge or the interval; at once again otherwise. */
    @Override
    protected void round() throws InterruptedException {
        if (sweep().isEmpty()) {
            nudges.tryAcquire(properties.sequencerInterval().toMillis(), TimeUnit.MILLISECONDS);
            nudges.drainPermits();
        }
    }

    @Override
    protected String whenFailing() {
        return "Cannot sequence events";
    }
}
