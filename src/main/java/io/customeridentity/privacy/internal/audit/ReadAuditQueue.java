package io.customeridentity.privacy.internal.audit;

import io.customeridentity.privacy.AuditEntry;
import io.customeridentity.privacy.AuditUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The reads' audit entries between their request and the database: a bounded queue in memory, drained by one thread
 * that writes whatever has gathered in one multi-row insert (at most {@code batch-size}), at once, so a request
 * makes no database round trip for its audit. A full queue makes a read wait up to {@code max-wait} and then refuses
 * it ({@link AuditUnavailable}); so does a queue whose oldest unwritten entry is older than {@code max-age}. A failed
 * insert is retried (100 ms, doubling to 5 s) with its batch kept, so while the database is away reads are refused
 * rather than answered unaudited, and a crash loses at most the queue's capacity and {@code max-age} (plus the
 * longest an insert can take) of reads. Stops after the web server
 * (a lower phase), when no request can add to it any more, and then writes everything it still holds.
 */
@Component
class ReadAuditQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadAuditQueue.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    /** How long the stopping application waits for the last batches: as long as for in-flight requests. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final AuditTables tables;
    private final ArrayBlockingQueue<Queued> queue;
    private final int batchSize;
    private final long maxWaitNanos;
    private final long maxAgeNanos;
    private final boolean enabled;
    /** Entries queued but not yet committed (the batch being written included). */
    private final AtomicLong pending = new AtomicLong();

    private final DistributionSummary batchSizes;
    private final Counter refused;
    private final Counter lostRateLimited;
    private final Counter lostAtShutdown;

    private volatile boolean running;
    private volatile boolean paused;
    /** Whether the oldest unwritten entry is older than max-age, as the writer last saw (at least every 100 ms). */
    private volatile boolean stale;

    private Thread drainer;

    ReadAuditQueue(AuditTables tables, AuditProperties properties, MeterRegistry meters) {
        this.tables = tables;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.batchSize = properties.batchSize();
        this.maxWaitNanos = properties.maxWait().toNanos();
        this.maxAgeNanos = properties.maxAge().toNanos();
        this.enabled = properties.enabled();
        Gauge.builder("customer.identity.audit.queue.depth", queue, ArrayBlockingQueue::size)
                .description("Read audit entries waiting in memory to be written")
                .register(meters);
        Gauge.builder("customer.identity.audit.queue.capacity", queue, q -> q.size() + q.remainingCapacity())
                .description("How many read audit entries the queue holds at most")
                .register(meters);
        this.batchSizes = DistributionSummary.builder("customer.identity.audit.batch.size")
                .description("Read audit entries written by one insert")
                .baseUnit("entries")
                .register(meters);
        this.refused = Counter.builder("customer.identity.audit.refused")
                .description("Reads refused with 503 audit-unavailable: the queue stayed full or stalled")
                .register(meters);
        this.lostRateLimited = lost(meters, "rate-limited-queue-full");
        this.lostAtShutdown = lost(meters, "shutdown-write-failed");
    }

    private static Counter lost(MeterRegistry meters, String reason) {
        return Counter.builder("customer.identity.audit.lost")
                .description("Audit entries that were never written")
                .tag("reason", reason)
                .register(meters);
    }

    /**
     * Queues the entries of one read, waiting up to {@code max-wait} in all for room (and for a stale queue to move).
     *
     * @throws AuditUnavailable when they did not fit in time (those that did are written: over-, never under-audited)
     */
    void offer(List<AuditEntry> entries) {
        long deadline = System.nanoTime() + maxWaitNanos;
        if (!fresh(deadline)) {
            refused.increment();
            throw AuditUnavailable.queueFull();
        }
        for (AuditEntry entry : entries) {
            if (!offer(entry, deadline)) {
                refused.increment();
                throw AuditUnavailable.queueFull();
            }
        }
    }

    /** Queues the entry of a request that is refused anyway (429): one that finds no room in time is counted lost. */
    void offerOrCount(AuditEntry entry) {
        long deadline = System.nanoTime() + maxWaitNanos;
        if (!fresh(deadline) || !offer(entry, deadline)) {
            lostRateLimited.increment();
            log.warn("Audit queue full or stalled: the audit entry of a rate-limited request is lost");
        }
    }

    /** Waits until the deadline for the queue not to be stale; whether it is not. */
    private boolean fresh(long deadline) {
        while (stale) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(10);
        }
        return true;
    }

    private boolean offer(AuditEntry entry, long deadline) {
        pending.incrementAndGet();
        try {
            if (queue.offer(
                    new Queued(entry, System.nanoTime()),
                    Math.max(0, deadline - System.nanoTime()),
                    TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        pending.decrementAndGet();
        return false;
    }

    /** Waits (at most {@code timeout}) until every entry queued so far is written; whether they are. */
    boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0 && running && System.nanoTime() < deadline) {
            sleep(5);
        }
        return pending.get() == 0;
    }

    int depth() {
        return queue.size();
    }

    /** An entry and when it was queued ({@link System#nanoTime()}). */
    private record Queued(AuditEntry entry, long queuedAt) {}

    /**
     * Tests only: the drainer stops taking entries (a stalled database, without one), once the wait for an entry it
     * may be in has passed.
     */
    void pause() {
        paused = true;
        sleep(250);
    }

    void resume() {
        paused = false;
    }

    private void drain() {
        long backoff = FIRST_BACKOFF_MILLIS;
        List<Queued> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            if (batch.isEmpty()) {
                if (paused && running) {
                    checkAge(batch);
                    sleep(10);
                    continue;
                }
                take(batch);
                checkAge(batch);
                if (batch.isEmpty()) {
                    continue;
                }
            }
            try {
                tables.append(batch.stream().map(Queued::entry).toList());
                batchSizes.record(batch.size());
                pending.addAndGet(-batch.size());
                batch.clear();
                checkAge(batch);
                backoff = FIRST_BACKOFF_MILLIS;
            } catch (RuntimeException ex) {
                checkAge(batch);
                if (!running) {
                    lostAtShutdown.increment(batch.size() + queue.size());
                    log.error(
                            "Could not write {} read audit entries while stopping ({}): they are lost",
                            batch.size() + queue.size(),
                            ex.getMessage());
                    return;
                }
                log.warn("Could not write read audit entries ({}); retrying in {} ms", ex.getMessage(), backoff);
                for (long slept = 0; slept < backoff && running; slept += 50) {
                    sleep(50);
                    checkAge(batch); // the age keeps being watched while the writer waits
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Whether the oldest unwritten entry (the batch's first, else the queue's head) is older than max-age. */
    private void checkAge(List<Queued> batch) {
        Queued oldest = batch.isEmpty() ? queue.peek() : batch.get(0);
        stale = oldest != null && System.nanoTime() - oldest.queuedAt() > maxAgeNanos;
    }

    private void take(List<Queued> batch) {
        try {
            Queued first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled) {
            return;
        }
        running = true;
        drainer = new Thread(this::drain, "audit-writer");
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Writes everything queued before it returns (or {@link #STOP_WAIT} has passed, logged as a loss). */
    @Override
    public synchronized void stop() {
        running = false;
        Thread stopping = drainer;
        drainer = null;
        if (stopping == null) {
            return;
        }
        try {
            stopping.join(STOP_WAIT.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (stopping.isAlive()) {
            log.error("Stopped waiting for the audit writer: {} read audit entries may be lost", pending.get());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server has stopped (its phases are DEFAULT_PHASE - 1024 and - 2048): no read is in flight. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
