package io.customeridentity.events.internal;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
class FeedSequencer implements SmartLifecycle {

    static final String CHANNEL = "events_sequenced";
    private static final int MAX_PER_SWEEP = 5_000;
    private static final Logger log = LoggerFactory.getLogger(FeedSequencer.class);

    private final EventTables tables;
    private final TransactionTemplate transactions;
    private final FeedSignal signal;
    private final EventsProperties properties;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    FeedSequencer(
            EventTables tables,
            PlatformTransactionManager transactionManager,
            FeedSignal signal,
            EventsProperties properties) {
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

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "event-feed-sequencer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = 100;
        while (running) {
            try {
                boolean positioned = sweep().isPresent();
                backoff = 100;
                if (!positioned) { // else at once again: there may be more
                    nudges.tryAcquire(properties.sequencerInterval().toMillis(), TimeUnit.MILLISECONDS);
                    nudges.drainPermits();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException ex) {
                if (!running) {
                    return;
                }
                log.warn("Cannot sequence events ({}); retrying in {} ms", ex.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }
}
