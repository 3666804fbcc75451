-- community: row-level security (the pattern and the settings: V60__platform_row_level_security.sql). The rule is
-- CommunityAccess's: a guild's rows are for the bot user the guild is bound to (community_guilds.bot_user_id), ADMIN
-- and SYSTEM all. community_guilds itself stays exempt (read through the process-wide platform cache); the policies
-- read it, which is why they cannot recurse.

-- community_members: the guild's members, by guild_id.
ALTER TABLE community_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE community_members FORCE ROW LEVEL SECURITY;
CREATE POLICY community_members_guild_bot ON community_members
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM community_guilds g
                      WHERE g.id = community_members.guild_id
                        AND g.bot_user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- community_points_transfers: the guild's points ledger, by guild_id (append-only: a trigger refuses updates and
-- deletes).
ALTER TABLE community_points_transfers ENABLE ROW LEVEL SECURITY;
ALTER TABLE community_points_transfers FORCE ROW LEVEL SECURITY;
CREATE POLICY community_points_transfers_guild_bot ON community_points_transfers
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM community_guilds g
                      WHERE g.id = community_points_transfers.guild_id
                        AND g.bot_user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- community_case_counters: the guild's case number counter, by guild_id.
ALTER TABLE community_case_counters ENABLE ROW LEVEL SECURITY;
ALTER TABLE community_case_counters FORCE ROW LEVEL SECURITY;
CREATE POLICY community_case_counters_guild_bot ON community_case_counters
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM community_guilds g
                      WHERE g.id = community_case_counters.guild_id
                        AND g.bot_user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- community_cases: the guild's moderation cases, by guild_id.
ALTER TABLE community_cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE community_cases FORCE ROW LEVEL SECURITY;
CREATE POLICY community_cases_guild_bot ON community_cases
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM community_guilds g
                      WHERE g.id = community_cases.guild_id
                        AND g.bot_user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- community_case_reasons: those of visible cases (the cases' policy applies inside).
ALTER TABLE community_case_reasons ENABLE ROW LEVEL SECURITY;
ALTER TABLE community_case_reasons FORCE ROW LEVEL SECURITY;
CREATE POLICY community_case_reasons_guild_bot ON community_case_reasons
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM community_cases c WHERE c.id = community_case_reasons.case_id));
