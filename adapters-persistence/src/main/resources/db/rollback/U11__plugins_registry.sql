-- Rollback of V11__plugins_registry.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again. pg_trgm belongs to V1 and stays.

DROP TABLE IF EXISTS plugin_security_violations;
DROP FUNCTION IF EXISTS plugin_security_violations_immutable();
DROP TABLE IF EXISTS plugins;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '11';
    END IF;
END
$$;
