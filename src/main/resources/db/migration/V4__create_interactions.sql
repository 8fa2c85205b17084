-- The interaction timeline: append-only facts about touch-points with a customer.
CREATE TABLE interactions (
    id                 uuid         PRIMARY KEY,
    customer_id        varchar(13)  NOT NULL REFERENCES customers (id),
    type               varchar(20)  NOT NULL,
    channel            varchar(10)  NOT NULL,
    occurred_at        timestamptz  NOT NULL,
    recorded_at        timestamptz  NOT NULL,
    source             varchar(100) NOT NULL,
    external_id        varchar(200) NOT NULL,
    amount_value       numeric(30, 4),
    amount_currency    varchar(3),
    rating             smallint     CHECK (rating BETWEEN 1 AND 5),
    -- subject, note and attributes: personal data, encrypted under the customer's data key.
    data_key_id        uuid,
    details_ciphertext bytea,
    CONSTRAINT interactions_producer_key UNIQUE (source, external_id),
    CONSTRAINT interactions_amount_complete CHECK ((amount_value IS NULL) = (amount_currency IS NULL)),
    CONSTRAINT interactions_details_keyed CHECK ((details_ciphertext IS NULL) OR (data_key_id IS NOT NULL))
);
-- Timeline pages (keyset on occurred_at, id) and per-type look-ups (open complaints, filters).
CREATE INDEX interactions_timeline ON interactions (customer_id, occurred_at DESC, id DESC);
CREATE INDEX interactions_by_type ON interactions (customer_id, type, occurred_at DESC, id DESC);

CREATE TRIGGER interactions_append_only
    BEFORE UPDATE OR DELETE ON interactions
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER interactions_no_truncate
    BEFORE TRUNCATE ON interactions
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();

-- Running aggregates per customer, type and currency ('' when no amount), maintained in the same
-- transaction as each insert, so a summary reads a handful of rows however long the timeline is.
CREATE TABLE interaction_stats (
    customer_id  varchar(13)    NOT NULL REFERENCES customers (id),
    type         varchar(20)    NOT NULL,
    currency     varchar(3)     NOT NULL,
    count        bigint         NOT NULL,
    amount_sum   numeric(38, 4) NOT NULL,
    rating_sum   bigint         NOT NULL,
    rating_count bigint         NOT NULL,
    first_at     timestamptz    NOT NULL,
    last_at      timestamptz    NOT NULL,
    PRIMARY KEY (customer_id, type, currency)
);
