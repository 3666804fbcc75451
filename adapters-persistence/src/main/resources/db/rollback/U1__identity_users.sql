-- Rollback of V1__identity_users.sql. Not run by Flyway; apply by hand (or `./strata db`) after U2.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TABLE IF EXISTS login_failures;
DROP TABLE IF EXISTS sessions;
DROP TABLE IF EXISTS user_profiles;
DROP TABLE IF EXISTS users;
DROP EXTENSION IF EXISTS pg_trgm;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '1';
    END IF;
END
$$;
