-- Match keys of duplicate detection (README "Duplicates"): for each customer's current version, the blocking keys
-- of typo-tolerant matching (phonetic codes of the names and street, the birth date with day and month unordered,
-- the postal code, in pairs), stored only as HMAC-SHA256 under their own subkey, cut to 16 bytes: never plaintext.
-- A working table like customer_contact_index, outside the history: replaced on every profile change by
-- CustomerTables, and emptied for a customer by erase_customer_data only.
CREATE TABLE customer_match_keys (
    customer_id varchar(13) NOT NULL REFERENCES customers (id),
    match_key   bytea       NOT NULL,
    PRIMARY KEY (match_key, customer_id)
);
CREATE INDEX customer_match_keys_by_customer ON customer_match_keys (customer_id);

-- The erasure function of V50, unchanged but for the DELETE of the match keys; the same privileges: SECURITY DEFINER
-- with the search path fixed at creation, and no EXECUTE for PUBLIC (CREATE OR REPLACE keeps the owner and grants;
-- the REVOKE repeats V50's so this file says it too).
-- EVERY LOOK-UP TABLE OF A CUSTOMER IS EMPTIED HERE, AND ONLY HERE: a new one gets its DELETE below.
CREATE OR REPLACE FUNCTION erase_customer_data(p_requested varchar, p_at timestamptz, p_actor varchar, p_reason varchar)
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
    DELETE FROM customer_match_keys mk WHERE mk.customer_id = ANY(grp);
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
