-- Rollback of V52__community_row_level_security.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse
-- order. Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP POLICY IF EXISTS community_case_reasons_guild_bot ON community_case_reasons;
ALTER TABLE community_case_reasons NO FORCE ROW LEVEL SECURITY;
ALTER TABLE community_case_reasons DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS community_cases_guild_bot ON community_cases;
ALTER TABLE community_cases NO FORCE ROW LEVEL SECURITY;
ALTER TABLE community_cases DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS community_case_counters_guild_bot ON community_case_counters;
ALTER TABLE community_case_counters NO FORCE ROW LEVEL SECURITY;
ALTER TABLE community_case_counters DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS community_points_transfers_guild_bot ON community_points_transfers;
ALTER TABLE community_points_transfers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE community_points_transfers DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS community_members_guild_bot ON community_members;
ALTER TABLE community_members NO FORCE ROW LEVEL SECURITY;
ALTER TABLE community_members DISABLE ROW LEVEL SECURITY;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '52';
    END IF;
END
$$;
