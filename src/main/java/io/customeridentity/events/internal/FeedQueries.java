package io.customeridentity.events.internal;

import io.customeridentity.events.FeedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the feed by position. One statement: the page and the head come from one snapshot, so "every event up to the
 * head was seen" holds for the page it answers. JdbcClient: the hot read path, rows straight to records.
 */
@Component
class FeedQueries {

    private final JdbcClient jdbc;

    FeedQueries(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate); // apart from the shared JdbcClient, see EventTables
    }

    /** A page after a position, with the feed's head and the last position retention deleted. */
    record Page(List<FeedEvent> events, long head, long expiredThrough) {}

    /** Events after {@code after} (after the expired ones when null), of the given types when not null. */
    Page after(Long after, int limit, String[] types) {
        return jdbc.sql("""
                        SELECT h.last_position, h.expired_through, e.position, e.event_id, e.type, e.subject,
                               e.occurred_at, e.data
                        FROM event_feed_head h
                        LEFT JOIN LATERAL (
                            SELECT position, event_id, type, subject, occurred_at, data FROM events
                            WHERE position > coalesce(CAST(:after AS bigint), h.expired_through)
                              AND (CAST(:types AS varchar[]) IS NULL OR type = ANY(CAST(:types AS varchar[])))
                            ORDER BY position LIMIT :limit
                        ) e ON true
                        ORDER BY e.position""")
                .param("after", after)
                .param("types", types)
                .param("limit", limit)
                .query((ResultSet rs) -> {
                    List<FeedEvent> events = new ArrayList<>();
                    long head = 0;
                    long expiredThrough = 0;
                    while (rs.next()) {
                        head = rs.getLong(1);
                        expiredThrough = rs.getLong(2);
                        FeedEvent event = event(rs);
                        if (event != null) {
                            events.add(event);
                        }
                    }
                    return new Page(events, head, expiredThrough);
                });
    }

    private static FeedEvent event(ResultSet rs) throws SQLException {
        long position = rs.getLong(3);
        if (rs.wasNull()) {
            return null;
        }
        return new FeedEvent(
                position,
                rs.getObject(4, UUID.class),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8));
    }
}
