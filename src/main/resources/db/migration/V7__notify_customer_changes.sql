-- Every instance caches customers' current details in memory (see CustomerCache) and must forget a
-- customer as soon as any instance changes it: each change of a customers row (new version, status)
-- sends the customer ID on channel customer_changed, delivered to every listening session at commit.
CREATE FUNCTION notify_customer_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('customer_changed', OLD.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER customers_notify_change
    AFTER UPDATE OR DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION notify_customer_change();
