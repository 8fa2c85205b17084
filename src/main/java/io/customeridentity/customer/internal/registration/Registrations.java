package io.customeridentity.customer.internal.registration;

import io.customeridentity.crypto.DataKey;
import io.customeridentity.customer.CustomerProfile;
import io.customeridentity.customer.internal.batching.BatchMetrics;
import io.customeridentity.customer.internal.batching.BatchingProperties;
import io.customeridentity.customer.internal.keys.ProfileCodec;
import io.customeridentity.customer.internal.matching.ContactIndex;
import io.customeridentity.customer.internal.profile.ProfileDiff;
import io.customeridentity.customer.internal.versions.CustomerVersionStore;
import io.customeridentity.shared.Batcher;
import io.customeridentity.shared.UnnestParameters;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores new customers: the identity row, a fresh data key, version 1 of the profile and the blind indexes. One SQL
 * statement (data-modifying CTEs over unnested arrays) on purpose: registration is a hot path, and this is one round
 * trip to the database, atomic on its own even in autocommit; the foreign keys are checked at the end of the
 * statement. Outside a transaction, concurrent registrations share that statement and its commit ({@link
 * Batcher}): the database's work per registration is then a third of what it is alone.
 */
@Component
class Registrations {

    private final ProfileCodec codec;
    private final ContactIndex contactIndex;
    private final JdbcClient jdbc;
    private final Batcher<Row> groups;
    private final DistributionSummary groupSizes;

    Registrations(
            ProfileCodec codec,
            ContactIndex contactIndex,
            JdbcClient jdbc,
            BatchingProperties batching,
            MeterRegistry meters) {
        this.codec = codec;
        this.contactIndex = contactIndex;
        this.jdbc = jdbc;
        this.groupSizes = BatchMetrics.groupSizes(meters, "registrations");
        this.groups = new Batcher<>(
                batching.registrations().maxSize(),
                batching.registrations().concurrent(),
                this::write,
                failure -> failure instanceof DataIntegrityViolationException);
    }

    /**
     * Encrypts in the caller's thread, then writes: in the caller's transaction if there is one (the row must commit
     * or roll back with it), else together with registrations arriving meanwhile.
     */
    void insert(String customerId, String prefix, CustomerProfile profile, String actor, Instant now) {
        DataKey key = codec.newDataKey();
        Row row = new Row(
                customerId,
                prefix,
                key.id(),
                codec.wrap(key, customerId),
                codec.encryptProfile(key, customerId, 1, profile),
                String.join(CustomerVersionStore.FIELD_SEPARATOR, ProfileDiff.changedFields(null, profile)),
                actor,
                now,
                contactIndex.entriesOf(profile));
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write(List.of(row));
        } else {
            groups.submit(row);
        }
    }

    private void write(List<Row> rows) {
        groupSizes.record(rows.size());
        List<IndexEntry> indexEntries = rows.stream()
                .flatMap(row -> IntStream.range(0, row.indexes().kinds().length)
                        .mapToObj(k -> new IndexEntry(
                                row.customerId(),
                                row.indexes().kinds()[k],
                                row.indexes().indexes()[k])))
                .toList();
        jdbc.sql("""
                        WITH registration AS (
                            SELECT * FROM unnest(CAST(:ids AS varchar[]), CAST(:prefixes AS varchar[]),
                                CAST(:keyIds AS uuid[]), CAST(:wrappedKeys AS bytea[]), CAST(:profiles AS bytea[]),
                                CAST(:fields AS text[]), CAST(:actors AS varchar[]), CAST(:times AS timestamptz[]))
                                AS r(id, prefix, key_id, wrapped_key, profile, fields, actor, at)
                        ), customer AS (
                            INSERT INTO customers (id, prefix, status, current_version, created_at, updated_at)
                            SELECT id, prefix, 'ACTIVE', 1, at, at FROM registration
                        ), data_key AS (
                            INSERT INTO customer_data_keys (key_id, customer_id, kek_id, wrapped_key, created_at)
                            SELECT key_id, id, :kekId, wrapped_key, at FROM registration
                        ), first_version AS (
                            INSERT INTO customer_versions (customer_id, version, data_key_id, profile_ciphertext,
                                                           changed_fields, reason_ciphertext, recorded_at, recorded_by)
                            SELECT id, 1, key_id, profile, fields, NULL, at, actor FROM registration
                        )
                        INSERT INTO customer_contact_index (customer_id, kind, blind_index)
                        SELECT * FROM unnest(CAST(:indexOwners AS varchar[]), CAST(:kinds AS varchar[]),
                            CAST(:indexes AS bytea[]))""")
                .params(UnnestParameters.of(rows)
                        .text("ids", Row::customerId)
                        .text("prefixes", Row::prefix)
                        .text("keyIds", Row::keyId)
                        .bytes("wrappedKeys", Row::wrappedKey)
                        .bytes("profiles", Row::profile)
                        .text("fields", Row::fields)
                        .text("actors", Row::actor)
                        .text("times", Row::now)
                        .toMap())
                .params(UnnestParameters.of(indexEntries)
                        .text("indexOwners", IndexEntry::customerId)
                        .text("kinds", IndexEntry::kind)
                        .bytes("indexes", IndexEntry::index)
                        .toMap())
                .param("kekId", codec.kekId())
                .update();
    }

    /** One blind index of one registration. */
    private record IndexEntry(String customerId, String kind, byte[] index) {}

    /** A registration ready to write: everything encrypted, nothing left to compute. */
    private record Row(
            String customerId,
            String prefix,
            UUID keyId,
            byte[] wrappedKey,
            byte[] profile,
            String fields,
            String actor,
            Instant now,
            ContactIndex.Entries indexes) {}
}
