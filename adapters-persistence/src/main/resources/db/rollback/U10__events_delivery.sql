-- Rollback of V10__events_delivery.sql. Not run by Flyway; apply by hand in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TRIGGER IF EXISTS events_notify_tg ON events;
DROP FUNCTION IF EXISTS events_notify();
DROP INDEX IF EXISTS events_type_ix;
DROP INDEX IF EXISTS events_aggregate_ix;
DROP TABLE IF EXISTS event_delivery_attempts;
DROP TABLE IF EXISTS event_deliveries;
DROP TABLE IF EXISTS event_sinks;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '10';
    END IF;
END
$$;
