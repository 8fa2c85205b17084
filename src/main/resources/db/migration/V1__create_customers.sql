-- Customer identity rows and their append-only profile versions.

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

CREATE TABLE customers (
    id              varchar(13) PRIMARY KEY,
    prefix          varchar(2)  NOT NULL,
    status          varchar(16) NOT NULL,
    current_version integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT customers_id_format CHECK (id ~ '^[A-Z]{2}[0-9]{11}$'),
    CONSTRAINT customers_prefix_matches_id CHECK (prefix = substr(id, 1, 2)),
    CONSTRAINT customers_status_known CHECK (status IN ('ACTIVE'))
);

CREATE TABLE customer_versions (
    customer_id varchar(13)  NOT NULL REFERENCES customers (id),
    version     integer      NOT NULL CHECK (version >= 1),
    given_name  varchar(100),
    family_name varchar(100),
    email       varchar(254),
    phone       varchar(20),
    recorded_at timestamptz  NOT NULL,
    recorded_by varchar(255) NOT NULL,
    PRIMARY KEY (customer_id, version)
);
