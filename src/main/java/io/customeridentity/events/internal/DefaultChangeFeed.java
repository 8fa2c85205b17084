package io.customeridentity.events.internal;

import io.customeridentity.events.ChangeFeed;
import io.customeridentity.events.CloudEvent;
import io.customeridentity.events.CursorExpired;
import io.customeridentity.events.FeedEvent;
import io.customeridentity.events.FeedPage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Serves the feed by position. Not transactional on purpose: each look is one statement in autocommit, and between
 * looks a long-polling reader waits on the {@link FeedSignal} in memory, holding no database connection.
 */
@Service
class DefaultChangeFeed implements ChangeFeed {

    private final FeedQueries queries;
    private final FeedSignal signal;
    private final String source;

    DefaultChangeFeed(FeedQueries queries, FeedSignal signal, EventsProperties properties) {
        this.queries = queries;
        this.signal = signal;
        this.source = properties.source();
    }

    @Override
    public FeedPage read(Long after, int limit, Set<String> types, Duration wait) {
        String[] typeFilter = types == null || types.isEmpty() ? null : types.toArray(String[]::new);
        long deadline = System.nanoTime() + wait.toNanos();
        Long from = after;
        while (true) {
            FeedQueries.Page page = queries.after(from, limit, typeFilter);
            if (from != null && from < page.expiredThrough()) {
                throw new CursorExpired(page.expiredThrough());
            }
            List<FeedEvent> events = page.events();
            long next = events.size() == limit
                    ? events.get(events.size() - 1).position()
                    : Math.max(from == null ? page.expiredThrough() : from, page.head());
            long left = deadline - System.nanoTime();
            if (!events.isEmpty() || left <= 0) {
                return new FeedPage(
                        events.stream()
                                .map(event -> CloudEvent.of(event, source))
                                .toList(),
                        next);
            }
            from = next;
            try {
                signal.awaitBeyond(page.head(), Duration.ofNanos(left));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return new FeedPage(List.of(), next);
            }
        }
    }
}
