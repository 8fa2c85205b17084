-- Idempotency-Key records of customer creation, per caller (token subject), kept 24 hours.
-- Only a keyed fingerprint of the request is stored, never the request itself.
CREATE TABLE idempotency_keys (
    caller              varchar(255) NOT NULL,
    idempotency_key     varchar(255) NOT NULL,
    request_fingerprint bytea        NOT NULL,
    customer_id         varchar(13)  NOT NULL REFERENCES customers (id),
    created_at          timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
