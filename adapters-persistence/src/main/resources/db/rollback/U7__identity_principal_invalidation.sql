-- Rollback of V7__identity_principal_invalidation.sql. Not run by Flyway; apply by hand in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TRIGGER IF EXISTS users_principal_changed ON users;
DROP TRIGGER IF EXISTS sessions_principal_deleted ON sessions;
DROP TRIGGER IF EXISTS sessions_principal_changed ON sessions;
DROP FUNCTION IF EXISTS identity_principal_changed();

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '7';
    END IF;
END
$$;
