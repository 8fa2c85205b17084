package io.customeridentity.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.customeridentity.shared.Batcher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/** Watches callers queued in a {@link Batcher}, for tests that hold a statement back and let callers pile up. */
public final class BatcherQueues {

    private BatcherQueues() {}

    /** Threads parked in {@link Batcher#submit}, waiting for their group's turn. */
    public static long waiting() {
        return Thread.getAllStackTraces().values().stream()
                .map(List::of)
                .filter(stack -> stack.stream()
                        .anyMatch(frame -> frame.getClassName().equals(Batcher.class.getName())
                                && frame.getMethodName().equals("submit")))
                .filter(stack ->
                        stack.stream().anyMatch(frame -> frame.getMethodName().equals("awaitNanos")))
                .count();
    }

    /** Until {@code inDatabase} callers blocked in PostgreSQL plus those queued behind them make {@code callers}. */
    public static void awaitQueued(IntSupplier inDatabase, int callers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inDatabase.getAsInt() + waiting() < callers) {
            assertThat(System.nanoTime()).as("callers queued in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
