package io.customeridentity.customer.internal;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerProfile;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a new customer: the identity row, a fresh data key, version 1 of the profile and the blind indexes. One SQL
 * statement (data-modifying CTEs) on purpose: registration is a hot path and this is one round trip to the database,
 * atomic on its own even in autocommit; the foreign keys are checked at the end of the statement.
 */
@Component
class Registrations {

    private final ProfileCodec codec;
    private final ContactIndex contactIndex;
    private final JdbcClient jdbc;

    Registrations(ProfileCodec codec, ContactIndex contactIndex, JdbcClient jdbc) {
        this.codec = codec;
        this.contactIndex = contactIndex;
        this.jdbc = jdbc;
    }

    void insert(String customerId, String prefix, CustomerProfile profile, String actor, Instant now) {
        DataKey key = codec.newDataKey();
        ContactIndex.Entries indexes = contactIndex.entriesOf(profile);
        List<String> fields = ProfileDiff.changedFields(null, profile);
        jdbc.sql("""
                        WITH customer AS (
                            INSERT INTO customers (id, prefix, status, current_version, created_at, updated_at)
                            VALUES (:id, :prefix, 'ACTIVE', 1, :now, :now)
                        ), data_key AS (
                            INSERT INTO customer_data_keys (key_id, customer_id, kek_id, wrapped_key, created_at)
                            VALUES (:keyId, :id, :kekId, :wrappedKey, :now)
                        ), first_version AS (
                            INSERT INTO customer_versions (customer_id, version, data_key_id, profile_ciphertext,
                                                           changed_fields, reason_ciphertext, recorded_at, recorded_by)
                            VALUES (:id, 1, :keyId, :profile, :fields, NULL, :now, :actor)
                        )
                        INSERT INTO customer_contact_index (customer_id, kind, blind_index)
                        SELECT :id, kind, blind_index
                        FROM unnest(CAST(:kinds AS varchar[]), CAST(:indexes AS bytea[])) AS k(kind, blind_index)""")
                .param("id", customerId)
                .param("prefix", prefix)
                .param("now", Timestamp.from(now))
                .param("keyId", key.id())
                .param("kekId", codec.kekId())
                .param("wrappedKey", codec.wrap(key, customerId))
                .param("profile", codec.encryptProfile(key, customerId, 1, profile))
                .param("fields", String.join(CustomerVersionStore.FIELD_SEPARATOR, fields))
                .param("actor", actor)
                .param("kinds", indexes.kinds())
                .param("indexes", indexes.indexes())
                .update();
    }
}
