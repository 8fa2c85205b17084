-- The audit trail (README "Accountability"): who did what to which customer, and who read whose personal data.
-- Identifiers and field names only, never a personal value: erasure leaves these rows as they are.
CREATE TABLE audit_events (
    id          uuid         PRIMARY KEY,                -- UUID version 7: new rows land at the index's right edge
    at          timestamptz  NOT NULL,
    actor       varchar(255),                            -- the token's subject; NULL for work outside a request
    client      varchar(255),                            -- the token's azp or client_id, when it names one
    client_ip   varchar(64),
    request_id  varchar(64),
    action      varchar(64)  NOT NULL,
    customer_id varchar(13),                             -- NULL for a miss and for a refused request
    outcome     smallint     NOT NULL,                   -- the HTTP status of the answer
    disclosed   varchar(64)[] NOT NULL DEFAULT '{}'      -- names of the personal fields the answer showed
);

-- Newest first per customer (GET /customers/{id}/audit, the export) and per caller (GET /audit?actor=); the time
-- index serves the other filters of GET /audit. Three indexes, not more: every write and read adds a row.
CREATE INDEX audit_events_by_customer ON audit_events (customer_id, at DESC, id DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX audit_events_by_actor ON audit_events (actor, at DESC, id DESC);
CREATE INDEX audit_events_by_time ON audit_events (at DESC, id DESC);

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
