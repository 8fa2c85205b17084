-- Customer identity rows, their per-customer data keys and their append-only profile versions.

-- Source of customer ID bodies: the n-th value is turned into a body by FF1 (see the README).
-- NO CYCLE: a value is never handed out twice, so an ID is never reused.
CREATE SEQUENCE customer_id_seq AS bigint MINVALUE 0 MAXVALUE 9999999999 START WITH 0 NO CYCLE;

-- The FF1 key for ID bodies, generated once by the first instance (or supplied by configuration,
-- in which case only its check value is kept). It must never change.
CREATE TABLE customer_id_keys (
    id          smallint    PRIMARY KEY CHECK (id = 1),
    ff1_key     bytea,
    key_check   varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Identity: the ID never changes (enforced by V2); status and the current-version pointer do.
CREATE TABLE customers (
    id              varchar(13) PRIMARY KEY,
    prefix          varchar(2)  NOT NULL,
    status          varchar(16) NOT NULL,
    current_version integer     NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT customers_id_format CHECK (id ~ '^[A-Z]{2}[0-9]{11}$'),
    CONSTRAINT customers_prefix_matches_id CHECK (prefix = substr(id, 1, 2)),
    CONSTRAINT customers_status_known CHECK (status IN ('ACTIVE'))
);

-- Each customer's data keys, wrapped by the key-encryption key (kek_id says which). Deliberately
-- NOT a history table: destroying a customer's rows here makes their personal data unreadable,
-- in this database and in every backup of the history tables.
CREATE TABLE customer_data_keys (
    key_id      uuid         PRIMARY KEY,
    customer_id varchar(13)  NOT NULL REFERENCES customers (id),
    kek_id      varchar(32)  NOT NULL,
    wrapped_key bytea        NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX customer_data_keys_customer ON customer_data_keys (customer_id);

-- Append-only profile versions: the full snapshot after each change, encrypted (AES-256-GCM)
-- under the customer's data key, plus who changed what, when and why.
CREATE TABLE customer_versions (
    customer_id        varchar(13)  NOT NULL REFERENCES customers (id),
    version            integer      NOT NULL CHECK (version >= 1),
    data_key_id        uuid         NOT NULL,
    profile_ciphertext bytea        NOT NULL,
    changed_fields     text         NOT NULL,
    reason_ciphertext  bytea,
    recorded_at        timestamptz  NOT NULL,
    recorded_by        varchar(255) NOT NULL,
    PRIMARY KEY (customer_id, version)
);
CREATE INDEX customer_versions_as_of ON customer_versions (customer_id, recorded_at);

-- Exact look-ups by e-mail and phone: keyed blind indexes (HMAC) of the normalised current values.
-- Kept apart from the history tables and updated in place.
CREATE TABLE customer_contact_index (
    customer_id varchar(13) NOT NULL REFERENCES customers (id),
    kind        varchar(16) NOT NULL CHECK (kind IN ('EMAIL', 'PHONE')),
    blind_index bytea       NOT NULL,
    PRIMARY KEY (customer_id, kind)
);
CREATE INDEX customer_contact_index_lookup ON customer_contact_index (kind, blind_index);
