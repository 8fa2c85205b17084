-- The database's invariants after any load or fault: one row per broken invariant with how many rows break it;
-- no rows means all hold. Used by scripts/crash-recovery.sh and bench/soak.sh (psql -At -F ' ' -f ...).
SELECT 'customers without version 1', count(*) FROM customers c
    WHERE NOT EXISTS (SELECT 1 FROM customer_versions v WHERE v.customer_id = c.id AND v.version = 1)
    HAVING count(*) > 0
UNION ALL
SELECT 'customers without their current version', count(*) FROM customers c
    WHERE NOT EXISTS (SELECT 1 FROM customer_versions v WHERE v.customer_id = c.id AND v.version = c.current_version)
    HAVING count(*) > 0
UNION ALL
SELECT 'customers without a data key', count(*) FROM customers c
    WHERE NOT EXISTS (SELECT 1 FROM customer_data_keys k WHERE k.customer_id = c.id)
    HAVING count(*) > 0
UNION ALL
SELECT 'versions without their customer', count(*) FROM customer_versions v
    WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = v.customer_id)
    HAVING count(*) > 0
UNION ALL
SELECT 'versions without their data key', count(*) FROM customer_versions v
    WHERE NOT EXISTS (SELECT 1 FROM customer_data_keys k WHERE k.key_id = v.data_key_id)
    HAVING count(*) > 0
UNION ALL
SELECT 'interactions of an unknown customer', count(*) FROM interactions i
    WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = i.customer_id)
    HAVING count(*) > 0
UNION ALL
SELECT 'interaction stats unequal to a recount', count(*) FROM (
    (SELECT customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at
     FROM interaction_stats
     EXCEPT
     SELECT customer_id, type, coalesce(amount_currency, ''), count(*), coalesce(sum(amount_value), 0),
            coalesce(sum(rating), 0), count(rating), min(occurred_at), max(occurred_at)
     FROM interactions GROUP BY customer_id, type, coalesce(amount_currency, ''))
    UNION ALL
    (SELECT customer_id, type, coalesce(amount_currency, ''), count(*), coalesce(sum(amount_value), 0),
            coalesce(sum(rating), 0), count(rating), min(occurred_at), max(occurred_at)
     FROM interactions GROUP BY customer_id, type, coalesce(amount_currency, '')
     EXCEPT
     SELECT customer_id, type, currency, count, amount_sum, rating_sum, rating_count, first_at, last_at
     FROM interaction_stats)
) broken
    HAVING count(*) > 0;
