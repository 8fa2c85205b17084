package io.customeridentity.shared;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Lets concurrent callers share one database statement (group commit for writes, coalesced look-ups for reads): items
 * that arrive while earlier groups are in progress queue up and go to the database together, handled by the first
 * caller of the group on its own thread. A caller that finds a free slot goes at once, so a lone request never waits
 * for company; under load the groups grow by themselves. {@link #submit} returns once the caller's item is handled,
 * or throws what handling it threw. A handler that reads leaves its answers in the items.
 *
 * <p>A group whose handling fails in a way that one item can cause (a constraint, say: {@code byOneItem}) is handled
 * again one item at a time, so one bad item fails only its own caller; any other failure (the database unreachable)
 * fails the whole group at once. Items must therefore be safe to handle twice: reads are, and so are rows with a
 * primary key fixed before the write (a write that did commit although it reported a failure cannot commit again).
 *
 * <p>No caller waits in the queue longer than {@code maxWait}: one whose group has not started by then leaves the queue
 * and gets {@link QueueTimeout}, and its item is never handled; one whose group has started waits for its outcome. So a write queued behind a stalled database cannot
 * commit after its caller has already been told it failed (and, say, retried it).
 */
public final class Batcher<T> {

    private final int maxSize;
    private final int maxInFlight;
    private final long maxWaitNanos;
    private final Consumer<List<T>> handler;
    private final Predicate<RuntimeException> byOneItem;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param maxSize the most items one statement takes
     * @param maxInFlight how many groups may be in progress at the same time, each on its own connection
     * @param maxWait the longest a caller waits in the queue for its group to start
     * @param handler handles a group in one go: all of it or, by throwing, none of it
     * @param byOneItem whether a failure of the handler may be down to one item of the group
     */
    public Batcher(
            int maxSize,
            int maxInFlight,
            Duration maxWait,
            Consumer<List<T>> handler,
            Predicate<RuntimeException> byOneItem) {
        if (maxSize < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxSize and maxInFlight must be at least 1");
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive");
        }
        this.maxSize = maxSize;
        this.maxInFlight = maxInFlight;
        this.maxWaitNanos = maxWait.toNanos();
        this.handler = handler;
        this.byOneItem = byOneItem;
    }

    /**
     * Handles the item, alone or with others that arrive meanwhile; returns once it is handled.
     *
     * @throws QueueTimeout when its group did not start within {@code maxWait}; the item was not handled
     */
    public void submit(T item) {
        Pending<T> pending = new Pending<>(item, lock.newCondition());
        boolean interrupted = false;
        lock.lock();
        try {
            queue.add(pending);
            startGroups();
            long deadline = System.nanoTime() + maxWaitNanos;
            while (pending.group == null && !pending.done) {
                try {
                    if (pending.started) {
                        // In a group being handled: its outcome is the caller's, however long it takes.
                        pending.wake.await();
                        continue;
                    }
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        queue.remove(pending);
                        throw new QueueTimeout(Duration.ofNanos(maxWaitNanos));
                    }
                    pending.wake.awaitNanos(remaining);
                } catch (InterruptedException ex) {
                    // Still queued, in a group, or leading one that others wait for: finish either way.
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (pending.group != null) {
            handleAndRelease(pending.group);
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
    }

    /** Under the lock: hands the queue's head, with what queued behind it, to its caller while a slot is free. */
    private void startGroups() {
        while (inFlight < maxInFlight && !queue.isEmpty()) {
            Pending<T> first = queue.peek();
            List<Pending<T>> group = new ArrayList<>(Math.min(queue.size(), maxSize));
            while (group.size() < maxSize && !queue.isEmpty()) {
                Pending<T> member = queue.poll();
                member.started = true;
                group.add(member);
            }
            first.group = group;
            inFlight++;
            first.wake.signal();
        }
    }

    private void handleAndRelease(List<Pending<T>> group) {
        try {
            handle(group);
        } catch (Error error) {
            for (Pending<T> member : group) {
                member.failure = new IllegalStateException("The handling of this item's group failed", error);
            }
            throw error;
        } finally {
            lock.lock();
            try {
                inFlight--;
                for (Pending<T> member : group) {
                    member.done = true;
                    member.wake.signal();
                }
                startGroups();
            } finally {
                lock.unlock();
            }
        }
    }

    private void handle(List<Pending<T>> group) {
        try {
            handler.accept(group.stream().map(member -> member.item).toList());
        } catch (RuntimeException failure) {
            if (group.size() == 1 || !byOneItem.test(failure)) {
                group.forEach(member -> member.failure = failure);
                return;
            }
            for (Pending<T> member : group) {
                try {
                    handler.accept(List.of(member.item));
                } catch (RuntimeException alone) {
                    member.failure = alone;
                }
            }
        }
    }

    /** A caller waited longer than {@code maxWait} for its group to start; its item was not handled. */
    public static final class QueueTimeout extends RuntimeException {

        QueueTimeout(Duration maxWait) {
            super("Waited " + maxWait.toMillis() + " ms for a shared statement; the item was not handled");
        }
    }

    /** One caller's item; its fields are read and written under the lock, or by the caller writing its group. */
    private static final class Pending<T> {

        final T item;
        final Condition wake;
        List<Pending<T>> group;
        boolean started;
        boolean done;
        RuntimeException failure;

        Pending(T item, Condition wake) {
            this.item = item;
            this.wake = wake;
        }
    }
}
