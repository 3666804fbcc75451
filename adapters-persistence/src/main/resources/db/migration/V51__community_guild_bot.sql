-- community: a guild is bound to the bot that first used it (issue 13). bot_user_id is the MANAGER (or ADMIN) user
-- whose request created the guild; only that user and ADMINs may act for the guild (others get 404). NULL: a guild
-- created before this migration, or whose bot user was deleted: only an ADMIN may act for it.
ALTER TABLE community_guilds ADD COLUMN bot_user_id uuid;
ALTER TABLE community_guilds ADD CONSTRAINT community_guilds_bot_user_fk
    FOREIGN KEY (bot_user_id) REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX community_guilds_bot_user_ix ON community_guilds (bot_user_id);
