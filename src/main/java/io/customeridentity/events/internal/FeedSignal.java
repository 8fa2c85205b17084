package io.customeridentity.events.internal;

import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The feed's head as this instance last heard of it (from its own sequencer or a notification of another's), for
 * long-polling readers to wait on in memory, without a database connection.
 */
@Component
class FeedSignal {

    /** How long a reader waits at most between looks at the database while no notifications can arrive. */
    static final Duration DEAF_SLICE = Duration.ofMillis(500);

    private long head;
    private volatile boolean listening;

    /** The feed reached this head. */
    synchronized void advanced(long newHead) {
        if (newHead > head) {
            head = newHead;
            notifyAll();
        }
    }

    void listening(boolean on) {
        listening = on;
    }

    /**
     * Waits until the head is beyond {@code known} or the time is up (shorter while notifications are off); whether
     * it moved.
     */
    synchronized boolean awaitBeyond(long known, Duration max) throws InterruptedException {
        Duration slice = listening ? max : (max.compareTo(DEAF_SLICE) < 0 ? max : DEAF_SLICE);
        long deadline = System.nanoTime() + slice.toNanos();
        while (head <= known) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
