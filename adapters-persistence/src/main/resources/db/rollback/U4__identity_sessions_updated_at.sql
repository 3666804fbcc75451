-- Rollback of V4__identity_sessions_updated_at.sql. Not run by Flyway; apply by hand in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

ALTER TABLE sessions DROP COLUMN IF EXISTS updated_at;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '4';
    END IF;
END
$$;
