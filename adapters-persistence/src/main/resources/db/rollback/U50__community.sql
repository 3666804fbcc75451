-- Rollback of V50__community.sql. Not run by Flyway; apply by hand in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TABLE IF EXISTS community_case_reasons;
DROP TABLE IF EXISTS community_cases;
DROP TABLE IF EXISTS community_case_counters;
DROP TABLE IF EXISTS community_points_transfers;
DROP FUNCTION IF EXISTS community_points_transfers_immutable();
DROP TABLE IF EXISTS community_members;
DROP TABLE IF EXISTS community_guilds;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '50';
    END IF;
END
$$;
