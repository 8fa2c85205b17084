package io.customeridentity.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatcherTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<String>> written = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void writesALoneItemAtOnceByItself() {
        Batcher<String> groups = batcher(64, 1, written::add);

        groups.submit("a");

        assertThat(written).containsExactly(List.of("a"));
    }

    @Test
    void writesItemsThatArriveDuringAWriteTogetherInTheNextOne() throws Exception {
        Gate gate = new Gate();
        Batcher<String> groups = batcher(64, 1, gate.then(written::add));
        List<CompletableFuture<Void>> submitted = queueBehindFirst(groups, gate, "b", "c", "d", "e");
        assertThat(submitted).noneMatch(CompletableFuture::isDone);
        gate.open();

        awaitAll(submitted);
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).containsExactly("first");
        assertThat(written.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
    }

    @Test
    void takesNoMoreThanTheGroupSizeInOneWrite() throws Exception {
        Gate gate = new Gate();
        Batcher<String> groups = batcher(2, 1, gate.then(written::add));
        List<CompletableFuture<Void>> submitted = queueBehindFirst(groups, gate, "b", "c", "d", "e", "f");
        gate.open();

        awaitAll(submitted);
        assertThat(written).extracting(List::size).containsExactly(1, 2, 2, 1);
        assertThat(written.stream().flatMap(List::stream)).containsExactlyInAnyOrder("first", "b", "c", "d", "e", "f");
    }

    @Test
    void writesUpToTheGivenNumberOfGroupsAtTheSameTime() throws Exception {
        Gate gate = new Gate();
        Batcher<String> groups = batcher(64, 2, gate.then(written::add));

        CompletableFuture<Void> a = submitAsync(groups, "a");
        CompletableFuture<Void> b = submitAsync(groups, "b");
        gate.awaitWriting(2);
        gate.open();

        a.get(10, TimeUnit.SECONDS);
        b.get(10, TimeUnit.SECONDS);
        assertThat(written).containsExactlyInAnyOrder(List.of("a"), List.of("b"));
    }

    @Test
    void failsOnlyTheCallerOfTheItemThatCannotBeWritten() throws Exception {
        Gate gate = new Gate();
        Batcher<String> groups = batcher(64, 1, gate.then(items -> {
            if (items.contains("bad")) {
                throw new IllegalArgumentException("rejected " + items);
            }
            written.add(items);
        }));
        List<CompletableFuture<Void>> submitted = queueBehindFirst(groups, gate, "good", "bad", "also good");
        gate.open();

        awaitAll(List.of(submitted.get(0), submitted.get(1), submitted.get(3)));
        assertThatThrownBy(() -> submitted.get(2).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rejected [bad]");
        assertThat(written).containsExactlyInAnyOrder(List.of("first"), List.of("good"), List.of("also good"));
    }

    @Test
    void failsTheWholeGroupAtOnceWhenNoSingleItemIsToBlame() throws Exception {
        Gate gate = new Gate();
        AtomicInteger calls = new AtomicInteger();
        Batcher<String> groups = batcher(64, 1, gate.then(items -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
        }));
        List<CompletableFuture<Void>> submitted = queueBehindFirst(groups, gate, "b", "c", "d");
        gate.open();

        awaitAll(submitted.subList(0, 1));
        for (CompletableFuture<Void> other : submitted.subList(1, submitted.size())) {
            assertThatThrownBy(() -> other.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .hasMessage("database down");
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void throwsTheWritersExceptionToALoneCaller() {
        Batcher<String> groups = batcher(64, 1, items -> {
            throw new IllegalStateException("database down");
        });

        assertThatThrownBy(() -> groups.submit("a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
    }

    @Test
    void keepsWritingAfterAFailedGroup() {
        AtomicInteger calls = new AtomicInteger();
        Batcher<String> groups = batcher(64, 1, items -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("once");
            }
            written.add(items);
        });

        assertThatThrownBy(() -> groups.submit("a")).hasMessage("once");
        groups.submit("b");

        assertThat(written).containsExactly(List.of("b"));
    }

    @Test
    void failsACallerWhoseGroupDidNotStartInTimeAndNeverWritesItsItem() throws Exception {
        Gate gate = new Gate();
        Batcher<String> groups =
                new Batcher<>(64, 1, Duration.ofMillis(300), gate.then(written::add), failure -> false);
        CompletableFuture<Void> first = submitAsync(groups, "first");
        gate.awaitWriting(1);
        CompletableFuture<Void> late = submitAsync(groups, "late");

        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(Batcher.QueueTimeout.class);
        gate.open();
        first.get(10, TimeUnit.SECONDS);
        groups.submit("after");

        assertThat(written).containsExactly(List.of("first"), List.of("after"));
    }

    @Test
    void waitsForItsGroupsOutcomeHoweverLongOnceTheGroupHasStarted() throws Exception {
        Gate gate = new Gate();
        Gate second = new Gate();
        AtomicInteger writes = new AtomicInteger();
        Batcher<String> groups = new Batcher<>(
                64,
                1,
                Duration.ofMillis(300),
                items -> (writes.incrementAndGet() == 1 ? gate : second)
                        .then(written::add)
                        .accept(items),
                failure -> false);
        CompletableFuture<Void> first = submitAsync(groups, "first");
        gate.awaitWriting(1);
        CompletableFuture<Void> leader = submitAsync(groups, "leader");
        CompletableFuture<Void> member = submitAsync(groups, "member");
        awaitWaiting(2);
        gate.open();
        second.awaitWriting(1);
        Thread.sleep(600);

        assertThat(member).as("waiting for its group, past max-wait").isNotDone();
        second.open();
        CompletableFuture.allOf(first, leader, member).get(10, TimeUnit.SECONDS);
        assertThat(written).hasSize(2);
        assertThat(written.get(1)).containsExactlyInAnyOrder("leader", "member");
    }

    @Test
    void rejectsSizesBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> batcher(0, 1, written::add));
        assertThatIllegalArgumentException().isThrownBy(() -> batcher(1, 0, written::add));
    }

    /** A batcher that blames single items for {@link IllegalArgumentException}s only. */
    private static Batcher<String> batcher(int maxSize, int maxInFlight, Consumer<List<String>> handler) {
        return new Batcher<>(
                maxSize, maxInFlight, PATIENCE, handler, failure -> failure instanceof IllegalArgumentException);
    }

    /**
     * Submits "first" and holds its write at the gate, then queues the items behind it; the futures of all, first's
     * first.
     */
    private List<CompletableFuture<Void>> queueBehindFirst(Batcher<String> groups, Gate gate, String... items)
            throws InterruptedException {
        List<CompletableFuture<Void>> submitted = new ArrayList<>();
        submitted.add(submitAsync(groups, "first"));
        gate.awaitWriting(1);
        for (String item : items) {
            submitted.add(submitAsync(groups, item));
        }
        awaitWaiting(items.length);
        return submitted;
    }

    private static void awaitAll(List<CompletableFuture<Void>> submitted) throws Exception {
        for (CompletableFuture<Void> future : submitted) {
            future.get(10, TimeUnit.SECONDS);
        }
    }

    private CompletableFuture<Void> submitAsync(Batcher<String> groups, String item) {
        return CompletableFuture.runAsync(() -> groups.submit(item), callers);
    }

    /** Waits until this many callers are parked inside {@code submit}, queued behind the write in progress. */
    private static void awaitWaiting(int callers) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (parkedInSubmit() < callers) {
            assertThat(System.nanoTime()).as("callers queued in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static long parkedInSubmit() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getState() == Thread.State.TIMED_WAITING)
                .map(entry -> List.of(entry.getValue()))
                .filter(stack ->
                        stack.stream().anyMatch(frame -> frame.getMethodName().equals("awaitNanos")))
                .filter(stack -> stack.stream()
                        .anyMatch(frame -> frame.getClassName().equals(Batcher.class.getName())
                                && frame.getMethodName().equals("submit")))
                .count();
    }

    /** A writer that holds every write until opened, and tells how many writes have started. */
    private static final class Gate {

        private final CountDownLatch open = new CountDownLatch(1);
        private final AtomicInteger writing = new AtomicInteger();

        Consumer<List<String>> then(Consumer<List<String>> writer) {
            return items -> {
                writing.incrementAndGet();
                try {
                    assertThat(open.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                            .isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                writer.accept(items);
            };
        }

        void awaitWriting(int writes) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (writing.get() < writes) {
                assertThat(System.nanoTime()).as("writes started in time").isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        void open() {
            open.countDown();
        }
    }
}
