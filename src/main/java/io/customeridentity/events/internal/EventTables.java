package io.customeridentity.events.internal;

import io.customeridentity.shared.UnnestParameters;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only class that writes {@code events} and {@code event_feed_head}: appends (the outbox), positions (the
 * sequencer) and deletes (retention). JdbcClient: set-based statements on the hot path, nothing to load as objects.
 */
@Component
class EventTables {

    /** Advisory-lock class (two-key form) of the per-subject locks writers hold from their insert to their commit. */
    static final int SUBJECT_LOCKS = 1701;
    /** Advisory-lock class of the sequencer (object 0, per transaction) and the relay (object 1, per session). */
    static final int FEED_LOCKS = 1702;

    private final JdbcClient jdbc;

    /**
     * Its own client over the shared {@link JdbcTemplate} (same transactions, same timeouts): the feed's statements,
     * most of them from background threads, stay apart from the shared {@code JdbcClient} other modules use.
     */
    EventTables(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /**
     * Appends events in list order within the caller's transaction. With {@code lockSubjects}, first takes each
     * subject's advisory lock (in a fixed order, so writers cannot deadlock on them), held until commit: a later
     * event of the same customer then draws its id only after this one committed. New customers need no lock.
     */
    void append(List<NewEvent> events, boolean lockSubjects) {
        String[] locked =
                lockSubjects ? events.stream().map(NewEvent::subject).distinct().toArray(String[]::new) : new String[0];
        jdbc.sql("""
                        WITH locks AS MATERIALIZED (
                            SELECT pg_advisory_xact_lock(%d, k)
                            FROM (SELECT DISTINCT hashtext(s) AS k FROM unnest(CAST(:locked AS varchar[])) s
                                  ORDER BY 1) sorted
                        )
                        INSERT INTO events (event_id, type, subject, occurred_at, data)
                        SELECT r.event_id, r.type, r.subject, r.occurred_at, r.data
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:types AS varchar[]), CAST(:subjects AS varchar[]),
                                    CAST(:times AS timestamptz[]), CAST(:data AS text[]))
                                 WITH ORDINALITY AS r(event_id, type, subject, occurred_at, data, n)
                        CROSS JOIN (SELECT count(*) FROM locks) taken
                        ORDER BY r.n""".formatted(SUBJECT_LOCKS))
                .params(UnnestParameters.of(events)
                        .text("ids", NewEvent::eventId)
                        .text("types", NewEvent::type)
                        .text("subjects", NewEvent::subject)
                        .text("times", NewEvent::occurredAt)
                        .text("data", NewEvent::data)
                        .toMap())
                .param("locked", locked)
                .update();
    }

    /** Whether this transaction is now the one sequencer (released at its end). */
    boolean trySequencerLock() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(%d, 0)".formatted(FEED_LOCKS))
                .query(Boolean.class)
                .single();
    }

    /**
     * Gives the next positions, in id order, to at most {@code max} committed events that have none; the new head
     * when any were given. Only under {@link #trySequencerLock}, in a statement that started after the lock was
     * taken: its snapshot then sees every earlier sequencer's positions.
     */
    Optional<Long> sequence(int max) {
        return jdbc.sql("""
                        WITH pending AS (
                            SELECT id, row_number() OVER (ORDER BY id) AS n
                            FROM (SELECT id FROM events WHERE position IS NULL ORDER BY id LIMIT :max) oldest
                        ), head AS (
                            UPDATE event_feed_head SET last_position = last_position + (SELECT count(*) FROM pending)
                            WHERE EXISTS (SELECT 1 FROM pending)
                            RETURNING last_position, last_position - (SELECT count(*) FROM pending) AS base
                        ), positioned AS (
                            UPDATE events e SET position = head.base + pending.n
                            FROM pending, head WHERE e.id = pending.id
                        )
                        SELECT last_position FROM head""").param("max", max).query(Long.class).optional();
    }

    /** Tells every instance's listening readers, at commit, that the feed reached this head. */
    void announce(String channel, long head) {
        jdbc.sql("SELECT pg_notify(:channel, :head)")
                .param("channel", channel)
                .param("head", Long.toString(head))
                .query(String.class)
                .single();
    }

    /** The last position of an event that occurred before the instant, if any is kept. */
    Optional<Long> lastPositionBefore(Instant cutoff) {
        return Optional.ofNullable(jdbc.sql("SELECT max(position) FROM events WHERE occurred_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single());
    }

    /**
     * Deletes at most {@code chunk} of the oldest events up to the position, within the caller's transaction, and
     * records the last one deleted as expired: cursors before it answer 410. The number deleted.
     */
    int expire(long through, int chunk) {
        jdbc.sql("SELECT set_config('customer_identity.events_expire_through', :through, true)")
                .param("through", Long.toString(through))
                .query(String.class)
                .single();
        return jdbc.sql("""
                        WITH gone AS (
                            DELETE FROM events WHERE position IN (
                                SELECT position FROM events WHERE position <= :through ORDER BY position LIMIT :chunk)
                            RETURNING position
                        ), head AS (
                            UPDATE event_feed_head SET expired_through = GREATEST(expired_through,
                                                                                  (SELECT max(position) FROM gone))
                            WHERE EXISTS (SELECT 1 FROM gone)
                        )
                        SELECT count(*) FROM gone""")
                .param("through", through)
                .param("chunk", chunk)
                .query(Integer.class)
                .single();
    }
}
