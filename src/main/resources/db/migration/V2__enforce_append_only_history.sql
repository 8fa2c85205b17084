-- The database itself keeps history append-only, whatever client connects.

-- Reusable: attach to every history table (BEFORE UPDATE OR DELETE ... FOR EACH ROW, and
-- BEFORE TRUNCATE ... FOR EACH STATEMENT).
CREATE FUNCTION reject_history_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on %.% is not allowed: history is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER customer_versions_append_only
    BEFORE UPDATE OR DELETE ON customer_versions
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER customer_versions_no_truncate
    BEFORE TRUNCATE ON customer_versions
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- A customer's identity never changes and is never deleted (erasure keeps the ID as a tombstone);
-- only status, the current-version pointer and updated_at move, and the pointer only forward.
CREATE FUNCTION reject_customer_identity_change() RETURNS trigger
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
    RETURN NEW;
END
$$;

CREATE TRIGGER customers_identity_fixed
    BEFORE UPDATE OR DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION reject_customer_identity_change();
CREATE TRIGGER customers_no_truncate
    BEFORE TRUNCATE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
