-- Rollback of V12__events_sink_added_wakes_relays.sql. Not run by Flyway; apply by hand (or `./strata db`) in
-- reverse order. Drops the trigger that wakes the relays when a sink is added, and its function (relays older than
-- V12 poll for new sinks). Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TRIGGER IF EXISTS event_sinks_notify_tg ON event_sinks;
DROP FUNCTION IF EXISTS event_sinks_notify();

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '12';
    END IF;
END
$$;
