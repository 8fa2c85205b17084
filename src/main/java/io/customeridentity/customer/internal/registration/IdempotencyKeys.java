package io.customeridentity.customer.internal.registration;

import io.customeridentity.crypto.BlindIndex;
import io.customeridentity.crypto.MasterKey;
import io.customeridentity.customer.IdempotencyKeyInFlight;
import io.customeridentity.customer.IdempotencyKeyReused;
import io.customeridentity.customer.NewCustomer;
import io.customeridentity.identifier.CustomerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency of registrations, per caller and key, for 24 hours. Within the registering transaction, a
 * transaction-scoped advisory lock on (caller, key) marks the request as in flight: a second request with the same
 * key while the first runs gets {@link IdempotencyKeyInFlight} at once; after the first commits it sees the stored
 * record and replays. A crash releases the lock and stores nothing, so a retry simply starts over.
 */
@Component
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final BlindIndex fingerprints;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, MasterKey masterKey, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.fingerprints = new BlindIndex(masterKey, "idempotency");
        this.json = json;
        this.clock = clock;
    }

    /**
     * Claims the key for this transaction; the customer created earlier with the same key and request, if any.
     *
     * @throws IdempotencyKeyInFlight when another transaction holds the key
     * @throws IdempotencyKeyReused when the key was used with a different request
     */
    Optional<String> claim(String caller, String key, NewCustomer request, Instant now) {
        Boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:caller || chr(31) || :key, 0))")
                .param("caller", caller)
                .param("key", key)
                .query(Boolean.class)
                .single();
        if (!locked) {
            throw new IdempotencyKeyInFlight();
        }
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_fingerprint, customer_id FROM idempotency_keys
                        WHERE caller = :caller AND idempotency_key = :key AND created_at > :since""")
                .param("caller", caller)
                .param("key", key)
                .param("since", java.sql.Timestamp.from(now.minus(RETENTION)))
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2)))
                .optional();
        if (stored.isPresent() && !Arrays.equals(stored.get().fingerprint(), fingerprint(request))) {
            throw new IdempotencyKeyReused();
        }
        return stored.map(Stored::customerId);
    }

    /** Records the key as answered by the given customer (replacing an expired record of the same key). */
    void record(String caller, String key, NewCustomer request, CustomerId customer, Instant now) {
        jdbc.sql("""
                        INSERT INTO idempotency_keys (caller, idempotency_key, request_fingerprint, customer_id, created_at)
                        VALUES (:caller, :key, :fingerprint, :customerId, :now)
                        ON CONFLICT (caller, idempotency_key) DO UPDATE
                        SET request_fingerprint = EXCLUDED.request_fingerprint, customer_id = EXCLUDED.customer_id,
                            created_at = EXCLUDED.created_at""")
                .param("caller", caller)
                .param("key", key)
                .param("fingerprint", fingerprint(request))
                .param("customerId", customer.value())
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** Forgets keys older than the retention period. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(RETENTION)))
                .update();
    }

    /** Keyed hash of the request as sent: the request itself holds personal data and is not stored. */
    private byte[] fingerprint(NewCustomer request) {
        return fingerprints.of(json.writeValueAsString(request));
    }

    private record Stored(byte[] fingerprint, String customerId) {}
}
