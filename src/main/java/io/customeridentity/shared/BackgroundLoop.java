package io.customeridentity.shared;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A daemon thread that repeats a round while the application runs and backs off exponentially (100 ms to 5 s) after a
 * round that failed: the shape of every background worker of the service (the change listeners, the feed's sequencer,
 * its relay). A subclass says what a round is, whether it runs at all, and how to wake a round blocked in I/O when the
 * application stops.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final String threadName;
    private final Logger log = LoggerFactory.getLogger(getClass());
    private volatile boolean running;
    private volatile long backoff = FIRST_BACKOFF_MILLIS;
    private Thread thread;

    protected BackgroundLoop(String threadName) {
        this.threadName = threadName;
    }

    /** One round: returns to be run again at once, throws to be run again after the back-off. */
    protected abstract void round() throws Exception;

    /** What a failed round means, for its log line: "{what} ({cause}); retrying in {n} ms". */
    protected abstract String whenFailing();

    /** Whether this worker runs in this configuration. */
    protected boolean enabled() {
        return true;
    }

    /** After a failed round, before the back-off (and once more when the loop ends). */
    protected void failed() {}

    /** Called by {@link #stop()} after interrupting the thread: e.g. closes the connection a round is blocked on. */
    protected void wake() {}

    /** How long {@link #stop()} waits for the round in progress to end. */
    protected Duration stopWait() {
        return Duration.ZERO;
    }

    /** A round that stays in its work (a listener) says that it is healthy: the next failure backs off from the start. */
    protected final void healthy() {
        backoff = FIRST_BACKOFF_MILLIS;
    }

    protected final boolean running() {
        return running;
    }

    /** Sleeps; false when interrupted (the application stops). */
    protected final boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (running || !enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread stopping = thread;
        thread = null;
        if (stopping == null) {
            return;
        }
        stopping.interrupt();
        wake();
        if (!stopWait().isZero()) {
            try {
                stopping.join(stopWait().toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                round();
                healthy();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception ex) {
                failed();
                if (!running) {
                    break;
                }
                log.warn("{} ({}); retrying in {} ms", whenFailing(), ex.getMessage(), backoff);
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
        failed();
    }
}
