-- Erasure by crypto-shredding (README "Erasure and subject access").
--
-- Every personal value of a customer is either ciphertext under the customer's own data keys (profile versions,
-- change reasons, interaction details, account numbers) or lives in a look-up table outside the history
-- (blind indexes, account fingerprints and masks, other systems' IDs, merge reasons, idempotency fingerprints).
-- Erasure marks the customer ERASED and, through the one function erase_customer_data below, deletes its data-key
-- rows and its look-up rows: what stays in the history tables can no longer be read by anyone.

-- 1. The tombstone: status ERASED and when.
ALTER TABLE customers DROP CONSTRAINT customers_status_known;
ALTER TABLE customers ADD CONSTRAINT customers_status_known CHECK (status IN ('ACTIVE', 'MERGED', 'ERASED'));
ALTER TABLE customers ADD COLUMN erased_at timestamptz;
ALTER TABLE customers ADD CONSTRAINT customers_erased_at_iff_erased CHECK ((status = 'ERASED') = (erased_at IS NOT NULL));

-- An erased customer never changes again (a write that gets past the service's own check is refused here).
CREATE OR REPLACE FUNCTION reject_customer_identity_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'DELETE on customers is not allowed: customer IDs are never removed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.prefix IS DISTINCT FROM OLD.prefix
            OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'a customer''s id, prefix and created_at never change'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.current_version < OLD.current_version THEN
        RAISE EXCEPTION 'a customer''s current version only moves forward'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status = 'ERASED' THEN
        RAISE EXCEPTION 'an erased customer never changes'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

-- Who erased whom, when and why (the reason as given: the API asks for one without personal data). Append-only.
CREATE TABLE customer_erasures (
    customer_id  varchar(13)  PRIMARY KEY REFERENCES customers (id),
    requested_id varchar(13)  NOT NULL REFERENCES customers (id),
    erased_at    timestamptz  NOT NULL,
    erased_by    varchar(255) NOT NULL,
    reason       varchar(500) NOT NULL
);
CREATE TRIGGER customer_erasures_append_only BEFORE UPDATE OR DELETE ON customer_erasures
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER customer_erasures_no_truncate BEFORE TRUNCATE ON customer_erasures
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- 2. Personal plaintext leaves the history tables for look-up tables that erasure can empty. The history rows keep
-- what is not personal (ids, type, times, authors, the key id and the ciphertext).

-- Account links: the fingerprint (an HMAC of the number), the masked number, its last four digits and the label.
CREATE TABLE account_link_lookups (
    link_id     uuid         PRIMARY KEY REFERENCES account_links (link_id),
    customer_id varchar(13)  NOT NULL REFERENCES customers (id),
    fingerprint bytea        NOT NULL,
    masked      varchar(40)  NOT NULL,
    last4       varchar(4)   NOT NULL,
    label       varchar(100)
);
INSERT INTO account_link_lookups (link_id, customer_id, fingerprint, masked, last4, label)
SELECT link_id, customer_id, fingerprint, masked, last4, label FROM account_links;
CREATE INDEX account_link_lookups_by_fingerprint ON account_link_lookups (fingerprint);
CREATE INDEX account_link_lookups_by_customer ON account_link_lookups (customer_id);
ALTER TABLE account_links DROP COLUMN fingerprint, DROP COLUMN masked, DROP COLUMN last4, DROP COLUMN label;

-- External references: the other system's ID for the person.
CREATE TABLE external_ref_ids (
    ref_id      uuid         PRIMARY KEY REFERENCES external_refs (ref_id),
    customer_id varchar(13)  NOT NULL REFERENCES customers (id),
    system      varchar(40)  NOT NULL,
    external_id varchar(200) NOT NULL
);
INSERT INTO external_ref_ids (ref_id, customer_id, system, external_id)
SELECT ref_id, customer_id, system, external_id FROM external_refs;
CREATE INDEX external_ref_ids_lookup ON external_ref_ids (system, external_id);
CREATE INDEX external_ref_ids_by_customer ON external_ref_ids (customer_id);
ALTER TABLE external_refs DROP COLUMN external_id;

-- Merge and reversal reasons: free text about both customers.
CREATE TABLE customer_merge_reasons (
    merge_id uuid         NOT NULL REFERENCES customer_merges (merge_id),
    kind     varchar(8)   NOT NULL CHECK (kind IN ('MERGE', 'REVERSAL')),
    reason   varchar(500) NOT NULL,
    PRIMARY KEY (merge_id, kind)
);
INSERT INTO customer_merge_reasons (merge_id, kind, reason)
SELECT merge_id, 'MERGE', reason FROM customer_merges;
INSERT INTO customer_merge_reasons (merge_id, kind, reason)
SELECT merge_id, 'REVERSAL', reason FROM customer_merge_reversals WHERE reason IS NOT NULL;
ALTER TABLE customer_merges DROP COLUMN reason;
ALTER TABLE customer_merge_reversals DROP COLUMN reason;

-- 3. The guard. Data keys and the moved-out look-up rows are as immutable as the history they belong to, with one
-- exception: erase_customer_data deletes those of ERASED customers. It announces itself with a transaction-local
-- setting that it clears before it returns; a deletion without it, or of a customer that is not ERASED, is refused.
-- (customer_contact_index and idempotency_keys are working tables, changed in place, and need no guard.)
CREATE FUNCTION guard_erasable_row() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    owner_status varchar;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Key rotation re-wraps a data key under a new key-encryption key; nothing else of these rows changes.
        IF TG_TABLE_NAME = 'customer_data_keys' THEN
            IF (NEW.key_id, NEW.customer_id, NEW.created_at)
                    IS NOT DISTINCT FROM (OLD.key_id, OLD.customer_id, OLD.created_at) THEN
                RETURN NEW;
            END IF;
        END IF;
        RAISE EXCEPTION 'UPDATE on % is not allowed', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF coalesce(current_setting('customer_identity.erasing', true), '') = 'on' THEN
        IF TG_TABLE_NAME = 'customer_merge_reasons' THEN
            SELECT CASE WHEN 'ERASED' IN (s.status, d.status) THEN 'ERASED' ELSE s.status END INTO owner_status
            FROM customer_merges m JOIN customers s ON s.id = m.survivor_id JOIN customers d ON d.id = m.merged_id
            WHERE m.merge_id = OLD.merge_id;
        ELSE
            SELECT c.status INTO owner_status FROM customers c WHERE c.id = OLD.customer_id;
        END IF;
        IF owner_status = 'ERASED' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'DELETE on % is allowed only to the erasure of an erased customer', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER customer_data_keys_guarded BEFORE UPDATE OR DELETE ON customer_data_keys
    FOR EACH ROW EXECUTE FUNCTION guard_erasable_row();
CREATE TRIGGER customer_data_keys_no_truncate BEFORE TRUNCATE ON customer_data_keys
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER account_link_lookups_guarded BEFORE UPDATE OR DELETE ON account_link_lookups
    FOR EACH ROW EXECUTE FUNCTION guard_erasable_row();
CREATE TRIGGER account_link_lookups_no_truncate BEFORE TRUNCATE ON account_link_lookups
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER external_ref_ids_guarded BEFORE UPDATE OR DELETE ON external_ref_ids
    FOR EACH ROW EXECUTE FUNCTION guard_erasable_row();
CREATE TRIGGER external_ref_ids_no_truncate BEFORE TRUNCATE ON external_ref_ids
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER customer_merge_reasons_guarded BEFORE UPDATE OR DELETE ON customer_merge_reasons
    FOR EACH ROW EXECUTE FUNCTION guard_erasable_row();
CREATE TRIGGER customer_merge_reasons_no_truncate BEFORE TRUNCATE ON customer_merge_reasons
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A look-up row of an erased customer is never written, also not by a write that raced the erasure: the customer's
-- row is share-locked first, so an erasure in progress is waited for and then seen (SQLSTATE CIE01: the service
-- answers 409 customer-erased), and an erasure that starts later waits for this write and deletes its row.
CREATE FUNCTION refuse_erased_customer() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    owner_status varchar;
BEGIN
    SELECT c.status INTO owner_status FROM customers c WHERE c.id = NEW.customer_id FOR SHARE;
    IF owner_status = 'ERASED' THEN
        RAISE EXCEPTION 'customer % has been erased', NEW.customer_id USING ERRCODE = 'CIE01';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER account_link_lookups_not_erased BEFORE INSERT ON account_link_lookups
    FOR EACH ROW EXECUTE FUNCTION refuse_erased_customer();
CREATE TRIGGER external_ref_ids_not_erased BEFORE INSERT ON external_ref_ids
    FOR EACH ROW EXECUTE FUNCTION refuse_erased_customer();

-- 4. The one privileged path. Erases the whole merge group of the given customer (the customers of a merge group are
-- one person): marks each ERASED and deletes every data key and look-up row of theirs. Returns the group, each with
-- its erasedAt (the first erasure's time for a group erased before: repeating an erasure changes nothing).
-- EVERY LOOK-UP TABLE OF A CUSTOMER IS EMPTIED HERE, AND ONLY HERE: a new one (match keys, ...) gets its DELETE below.
CREATE FUNCTION erase_customer_data(p_requested varchar, p_at timestamptz, p_actor varchar, p_reason varchar)
    RETURNS TABLE (customer_id varchar, erased_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    root  varchar;
    grp   varchar[];
BEGIN
    -- The survivor the requested ID resolves to, through the merges in force, then everyone merged into it.
    WITH RECURSIVE chain(id, depth) AS (
        SELECT p_requested, 0
        UNION ALL
        SELECT m.survivor_id, c.depth + 1 FROM chain c JOIN customer_merges m ON m.merged_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM customer_merge_reversals r WHERE r.merge_id = m.merge_id) AND c.depth < 1000)
    SELECT c.id INTO root FROM chain c ORDER BY c.depth DESC LIMIT 1;
    WITH RECURSIVE members(id, depth) AS (
        SELECT root, 0
        UNION ALL
        SELECT m.merged_id, g.depth + 1 FROM members g JOIN customer_merges m ON m.survivor_id = g.id
        WHERE NOT EXISTS (SELECT 1 FROM customer_merge_reversals r WHERE r.merge_id = m.merge_id) AND g.depth < 1000)
    SELECT array_agg(DISTINCT g.id) INTO grp FROM members g;

    -- Row locks in ID order: a concurrent change, merge or erasure of a member waits, then sees ERASED.
    PERFORM 1 FROM customers c WHERE c.id = ANY(grp) ORDER BY c.id FOR UPDATE;

    INSERT INTO customer_erasures (customer_id, requested_id, erased_at, erased_by, reason)
    SELECT c.id, p_requested, p_at, p_actor, p_reason FROM customers c WHERE c.id = ANY(grp) AND c.status <> 'ERASED';
    UPDATE customers c SET status = 'ERASED', erased_at = p_at, updated_at = p_at
    WHERE c.id = ANY(grp) AND c.status <> 'ERASED';

    PERFORM set_config('customer_identity.erasing', 'on', true);
    DELETE FROM customer_data_keys k WHERE k.customer_id = ANY(grp);
    DELETE FROM customer_contact_index i WHERE i.customer_id = ANY(grp);
    DELETE FROM account_link_lookups a WHERE a.customer_id = ANY(grp);
    DELETE FROM external_ref_ids e WHERE e.customer_id = ANY(grp);
    DELETE FROM customer_merge_reasons r
    WHERE r.merge_id IN (SELECT m.merge_id FROM customer_merges m WHERE m.survivor_id = ANY(grp) OR m.merged_id = ANY(grp));
    DELETE FROM idempotency_keys i WHERE i.customer_id = ANY(grp);
    PERFORM set_config('customer_identity.erasing', '', true);

    RETURN QUERY SELECT c.id, c.erased_at FROM customers c WHERE c.id = ANY(grp) ORDER BY c.id;
END
$$;
REVOKE ALL ON FUNCTION erase_customer_data(varchar, timestamptz, varchar, varchar) FROM PUBLIC;
