-- Rollback of V63__events_sink_added_wakes_relays.sql. Not run by Flyway; apply by hand (or `./strata db`) in
-- reverse order. Drops the trigger that wakes the relays when a sink is added (they then need their poll to see it:
-- roll back the relay's idle wait with it). Also forgets the migration in Flyway's history so that `migrate`
-- applies it again.

DROP TRIGGER IF EXISTS event_sinks_notify_tg ON event_sinks;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '63';
    END IF;
END
$$;
