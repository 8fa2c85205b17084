-- Identity resolution: merges of duplicate customers (reversible) and other systems' IDs.

ALTER TABLE customers DROP CONSTRAINT customers_status_known;
ALTER TABLE customers ADD CONSTRAINT customers_status_known CHECK (status IN ('ACTIVE', 'MERGED'));

-- A merge and its reversal are immutable events; which merges are in force is derived from them.
CREATE TABLE customer_merges (
    merge_id    uuid         PRIMARY KEY,
    survivor_id varchar(13)  NOT NULL REFERENCES customers (id),
    merged_id   varchar(13)  NOT NULL REFERENCES customers (id),
    merged_at   timestamptz  NOT NULL,
    merged_by   varchar(255) NOT NULL,
    reason      varchar(500) NOT NULL,
    CHECK (survivor_id <> merged_id)
);
CREATE INDEX customer_merges_by_merged ON customer_merges (merged_id);
CREATE INDEX customer_merges_by_survivor ON customer_merges (survivor_id);

CREATE TABLE customer_merge_reversals (
    merge_id    uuid         PRIMARY KEY REFERENCES customer_merges (merge_id),
    reversed_at timestamptz  NOT NULL,
    reversed_by varchar(255) NOT NULL,
    reason      varchar(500)
);

-- Other systems' IDs for our customers: link and end events.
CREATE TABLE external_refs (
    ref_id      uuid         PRIMARY KEY,
    customer_id varchar(13)  NOT NULL REFERENCES customers (id),
    system      varchar(40)  NOT NULL CHECK (system ~ '^[a-z0-9-]{1,40}$'),
    external_id varchar(200) NOT NULL,
    linked_at   timestamptz  NOT NULL,
    linked_by   varchar(255) NOT NULL
);
CREATE INDEX external_refs_lookup ON external_refs (system, external_id);
CREATE INDEX external_refs_by_customer ON external_refs (customer_id, linked_at);

CREATE TABLE external_ref_ends (
    ref_id   uuid         PRIMARY KEY REFERENCES external_refs (ref_id),
    ended_at timestamptz  NOT NULL,
    ended_by varchar(255) NOT NULL
);

CREATE TRIGGER customer_merges_append_only BEFORE UPDATE OR DELETE ON customer_merges
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER customer_merges_no_truncate BEFORE TRUNCATE ON customer_merges
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER customer_merge_reversals_append_only BEFORE UPDATE OR DELETE ON customer_merge_reversals
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER customer_merge_reversals_no_truncate BEFORE TRUNCATE ON customer_merge_reversals
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER external_refs_append_only BEFORE UPDATE OR DELETE ON external_refs
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER external_refs_no_truncate BEFORE TRUNCATE ON external_refs
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER external_ref_ends_append_only BEFORE UPDATE OR DELETE ON external_ref_ends
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER external_ref_ends_no_truncate BEFORE TRUNCATE ON external_ref_ends
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- Duplicate detection by name and postal code, without storing either: a keyed blind index.
ALTER TABLE customer_contact_index DROP CONSTRAINT customer_contact_index_kind_check;
ALTER TABLE customer_contact_index ADD CONSTRAINT customer_contact_index_kind_check
    CHECK (kind IN ('EMAIL', 'PHONE', 'NAME_POSTCODE'));
