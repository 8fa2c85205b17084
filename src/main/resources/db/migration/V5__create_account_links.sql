-- Links between customers and their financial account numbers, as append-only link and unlink events.
-- The full number is only ever stored encrypted under the customer's data key; look-ups go through a
-- keyed fingerprint (HMAC) of the normalised number.
CREATE TABLE account_links (
    link_id           uuid         PRIMARY KEY,
    customer_id       varchar(13)  NOT NULL REFERENCES customers (id),
    type              varchar(16)  NOT NULL,
    fingerprint       bytea        NOT NULL,
    data_key_id       uuid         NOT NULL,
    number_ciphertext bytea        NOT NULL,
    masked            varchar(40)  NOT NULL,
    last4             varchar(4)   NOT NULL,
    label             varchar(100),
    linked_at         timestamptz  NOT NULL,
    linked_by         varchar(255) NOT NULL
);
CREATE INDEX account_links_by_fingerprint ON account_links (fingerprint);
CREATE INDEX account_links_by_customer ON account_links (customer_id, linked_at);

CREATE TABLE account_unlinks (
    link_id     uuid         PRIMARY KEY REFERENCES account_links (link_id),
    unlinked_at timestamptz  NOT NULL,
    unlinked_by varchar(255) NOT NULL
);

CREATE TRIGGER account_links_append_only
    BEFORE UPDATE OR DELETE ON account_links
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER account_links_no_truncate
    BEFORE TRUNCATE ON account_links
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER account_unlinks_append_only
    BEFORE UPDATE OR DELETE ON account_unlinks
    FOR EACH ROW EXECUTE FUNCTION reject_history_change();
CREATE TRIGGER account_unlinks_no_truncate
    BEFORE TRUNCATE ON account_unlinks
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
