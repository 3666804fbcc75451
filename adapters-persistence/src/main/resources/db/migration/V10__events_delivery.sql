-- events: delivery of the outbox (V6) to sinks. A relay in every instance copies committed events into a
-- per-sink queue (event_deliveries) and delivers them, at least once, in sequence order per aggregate.
--
-- event_sinks: where events go, configured by an admin. secret/previous_secret sign webhooks (Standard Webhooks)
--   or authenticate to an MQTT broker; they are never returned after creation. cursor_txid/cursor_position is how
--   far the relay has copied the outbox into this sink's queue: (txid, position) of the last copied event; the copy
--   reads only below the oldest transaction still in flight, so a late commit is never passed.
CREATE TABLE event_sinks (
    id                      uuid        NOT NULL,
    name                    text        NOT NULL,
    kind                    text        NOT NULL,
    event_types             text[]      NOT NULL DEFAULT '{}',
    url                     text,
    topic_prefix            text,
    username                text,
    secret                  text,
    previous_secret         text,
    previous_secret_until   timestamptz,
    timeout_ms              integer     NOT NULL,
    enabled                 boolean     NOT NULL DEFAULT true,
    disabled_reason         text,
    failing_since           timestamptz,
    cursor_txid             xid8        NOT NULL,
    cursor_position         bigint      NOT NULL DEFAULT 0,
    version                 bigint      NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    CONSTRAINT event_sinks_pk PRIMARY KEY (id),
    CONSTRAINT event_sinks_name_uk UNIQUE (name),
    CONSTRAINT event_sinks_kind_ck CHECK (kind IN ('LOG', 'WEBHOOK', 'MQTT')),
    CONSTRAINT event_sinks_url_ck CHECK (kind = 'LOG' OR url IS NOT NULL),
    CONSTRAINT event_sinks_timeout_ck CHECK (timeout_ms BETWEEN 100 AND 60000)
);

-- one row per (sink, event) the sink wants: PENDING until a success, then DELIVERED. lease_until lets several
-- relays share a sink's queue: a relay leases rows (FOR UPDATE SKIP LOCKED, then a lease for the round trip).
CREATE TABLE event_deliveries (
    sink_id         uuid        NOT NULL REFERENCES event_sinks (id) ON DELETE CASCADE,
    position        bigint      NOT NULL REFERENCES events (position) ON DELETE CASCADE,
    aggregate_type  text        NOT NULL,
    aggregate_id    uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    state           text        NOT NULL DEFAULT 'PENDING',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until     timestamptz,
    delivered_at    timestamptz,
    last_error      text,
    CONSTRAINT event_deliveries_pk PRIMARY KEY (sink_id, position),
    CONSTRAINT event_deliveries_state_ck CHECK (state IN ('PENDING', 'DELIVERED'))
);
-- the ready scan: a sink's pending rows, oldest first
CREATE INDEX event_deliveries_pending_ix ON event_deliveries (sink_id, position) WHERE state = 'PENDING';
-- the per-aggregate order check: an earlier pending event of the same aggregate holds later ones back
CREATE INDEX event_deliveries_aggregate_ix ON event_deliveries (sink_id, aggregate_type, aggregate_id, sequence)
    WHERE state = 'PENDING';
CREATE INDEX event_deliveries_position_ix ON event_deliveries (position);

-- the attempt log: every try, with its outcome
CREATE TABLE event_delivery_attempts (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    sink_id         uuid        NOT NULL REFERENCES event_sinks (id) ON DELETE CASCADE,
    position        bigint      NOT NULL REFERENCES events (position) ON DELETE CASCADE,
    attempted_at    timestamptz NOT NULL,
    succeeded       boolean     NOT NULL,
    status_code     integer,
    latency_ms      integer     NOT NULL,
    response        text,
    CONSTRAINT event_delivery_attempts_pk PRIMARY KEY (id)
);
CREATE INDEX event_delivery_attempts_sink_ix ON event_delivery_attempts (sink_id, id);
CREATE INDEX event_delivery_attempts_position_ix ON event_delivery_attempts (position);

-- the feed's filters
CREATE INDEX events_aggregate_ix ON events (aggregate_type, aggregate_id, sequence);
CREATE INDEX events_type_ix ON events (event_type, txid, position);

-- wake the relays at commit (a NOTIFY is delivered when the transaction commits); they poll as well
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('strata_events', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER events_notify_tg AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
