-- platform: the outbox. Every domain event an aggregate records is appended here by the persistence adapter, in
-- the transaction that stores the change (io.strata.adapters.persistence.shared.AggregateWrites), so an event
-- exists exactly when its change is committed. A relay delivers them (at least once, in order per aggregate) and
-- an admin feed lists them.
--
-- position: assigned at INSERT, not at commit, so a transaction that commits late can leave a lower position
--   behind a higher one already visible. A reader that must not skip an event reads only rows whose txid is below
--   the oldest transaction still in flight (pg_snapshot_xmin(pg_current_snapshot())): those are all committed (or
--   gone for good), and orders by (txid, position).
-- txid: the writing transaction, pg_current_xact_id() (xid8: 64-bit, never wraps around).
-- sequence: 1, 2, ... per aggregate, without gaps, so a receiver can tell a missing event; counted by the writer
--   under the aggregate's row lock (see Outbox), and unique with the aggregate as a guard.
-- payload: the event record's components (ids, enums, instants as strings); never a secret.
CREATE TABLE events (
    position       bigint      GENERATED ALWAYS AS IDENTITY,
    event_id       uuid        NOT NULL,
    aggregate_type text        NOT NULL,
    aggregate_id   uuid        NOT NULL,
    sequence       bigint      NOT NULL,
    event_type     text        NOT NULL,
    payload        jsonb       NOT NULL,
    occurred_at    timestamptz NOT NULL,
    txid           xid8        NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_pk PRIMARY KEY (position),
    CONSTRAINT events_event_id_uk UNIQUE (event_id),
    CONSTRAINT events_aggregate_sequence_uk UNIQUE (aggregate_type, aggregate_id, sequence),
    CONSTRAINT events_sequence_ck CHECK (sequence >= 1),
    CONSTRAINT events_aggregate_type_ck CHECK (aggregate_type ~ '^[a-z][a-z0-9]*\.[A-Z][A-Za-z0-9]*$'),
    CONSTRAINT events_event_type_ck CHECK (event_type ~ '^[a-z][a-z0-9]*\.[A-Z][A-Za-z0-9]*$'),
    CONSTRAINT events_payload_ck CHECK (jsonb_typeof(payload) = 'object')
);

-- the relay: committed events in (txid, position) order after its cursor
CREATE INDEX events_txid_position_ix ON events (txid, position);
