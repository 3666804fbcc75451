-- Rollback of V6__platform_events.sql. Not run by Flyway; apply by hand in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TABLE IF EXISTS events;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '6';
    END IF;
END
$$;
