package io.customeridentity.events;

import java.time.Duration;
import java.util.Set;

/** Reads the change feed in feed order, from a position on. */
public interface ChangeFeed {

    /** Largest page. */
    int MAX_LIMIT = 1000;

    /** Longest wait for a first event. */
    Duration MAX_WAIT = Duration.ofSeconds(30);

    /**
     * Events after the position (from the oldest kept when {@code after} is null), at most {@code limit}, only of
     * these types when {@code types} is not empty; waits up to {@code wait} while there is none, holding no database
     * connection meanwhile.
     *
     * @throws CursorExpired when retention deleted events after {@code after}
     */
    FeedPage read(Long after, int limit, Set<String> types, Duration wait);
}
