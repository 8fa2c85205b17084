package io.customeridentity.events.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The only class that writes {@code event_relay_progress}: per exchange, the last position the broker confirmed. */
@Component
class RelayProgress {

    private final JdbcClient jdbc;

    RelayProgress(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate); // apart from the shared JdbcClient, see EventTables
    }

    /** The last confirmed position; a new destination starts after the events that exist when it is first asked. */
    long lastConfirmed(String destination) {
        jdbc.sql("""
                        INSERT INTO event_relay_progress (destination, last_position, updated_at)
                        SELECT :destination, last_position, now() FROM event_feed_head
                        ON CONFLICT (destination) DO NOTHING""").param("destination", destination).update();
        return jdbc.sql("SELECT last_position FROM event_relay_progress WHERE destination = :destination")
                .param("destination", destination)
                .query(Long.class)
                .single();
    }

    void confirmed(String destination, long position) {
        jdbc.sql("""
                        UPDATE event_relay_progress SET last_position = :position, updated_at = :at
                        WHERE destination = :destination AND last_position < :position""")
                .param("destination", destination)
                .param("position", position)
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }
}
