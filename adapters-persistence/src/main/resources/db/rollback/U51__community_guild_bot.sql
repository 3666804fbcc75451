-- Rollback of V51__community_guild_bot.sql. Not run by Flyway; apply by hand in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP INDEX IF EXISTS community_guilds_bot_user_ix;
ALTER TABLE community_guilds DROP CONSTRAINT IF EXISTS community_guilds_bot_user_fk;
ALTER TABLE community_guilds DROP COLUMN IF EXISTS bot_user_id;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '51';
    END IF;
END
$$;
