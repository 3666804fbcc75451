-- Rollback of V30__messaging_chat.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TABLE IF EXISTS chat_message_edits;
DROP TABLE IF EXISTS chat_messages;
DROP TABLE IF EXISTS chat_room_members;
DROP TABLE IF EXISTS chat_rooms;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '30';
    END IF;
END
$$;
