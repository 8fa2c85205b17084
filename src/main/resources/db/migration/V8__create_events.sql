-- The change feed (README "Change feed"): a transactional outbox. Every change writes its events in its own
-- transaction, so a committed change always has them and a rolled-back one never does.
--
-- id is the order of writing. Every writer holds a transaction-scoped advisory lock on the event's subject (the
-- customer) from before its id is drawn until it commits, so the events of one customer are written, and commit, in
-- id order. Ids still become visible out of order across customers (a transaction that drew 41 may commit after one
-- that drew 42), so readers never page by id: position, the feed position, is given after commit by one sequencer at
-- a time, in id order, to every committed event not yet positioned. A snapshot that sees an event sees every earlier
-- committed event of its customer, and positions become visible in order (one sequencing transaction after the
-- other), so "position > cursor" never skips.
CREATE TABLE events (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position    bigint       UNIQUE,
    event_id    uuid         NOT NULL UNIQUE,
    type        varchar(40)  NOT NULL,
    subject     varchar(13)  NOT NULL,
    occurred_at timestamptz  NOT NULL,
    data        text         NOT NULL
);
CREATE INDEX events_unpositioned ON events (id) WHERE position IS NULL;
CREATE INDEX events_by_time ON events (occurred_at);

-- One row: the last position handed out (positions continue after retention deleted every event) and the last
-- position deleted by retention (a cursor below it has missed events: 410 cursor-expired).
CREATE TABLE event_feed_head (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_position  bigint  NOT NULL,
    expired_through bigint NOT NULL
);
INSERT INTO event_feed_head (last_position, expired_through) VALUES (0, 0);

-- The RabbitMQ relay's progress per exchange: the last position the broker confirmed.
CREATE TABLE event_relay_progress (
    destination   varchar(255) PRIMARY KEY,
    last_position bigint       NOT NULL,
    updated_at    timestamptz  NOT NULL
);

-- Events are history: append-only, except that the sequencer gives each its position once, and retention deletes
-- positioned events up to the position its transaction names in customer_identity.events_expire_through.
CREATE FUNCTION guard_event_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.position IS NULL AND NEW.position IS NOT NULL
                AND (NEW.id, NEW.event_id, NEW.type, NEW.subject, NEW.occurred_at, NEW.data)
                    IS NOT DISTINCT FROM (OLD.id, OLD.event_id, OLD.type, OLD.subject, OLD.occurred_at, OLD.data) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'UPDATE on events may only give an event its position, once'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.position IS NOT NULL
            AND OLD.position <= coalesce(nullif(current_setting('customer_identity.events_expire_through', true), ''),
                                         '0')::bigint THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'DELETE on events is allowed only to retention'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;

CREATE TRIGGER events_guarded
    BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION guard_event_change();
CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION reject_history_change();
