-- Rollback of V32__messaging_row_level_security.sql. Not run by Flyway; apply by hand (or `./strata db`) in
-- reverse order. Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP POLICY IF EXISTS mailbox_entries_delivery ON mailbox_entries;
DROP POLICY IF EXISTS mailbox_entries_own_removal ON mailbox_entries;
DROP POLICY IF EXISTS mailbox_entries_own_change ON mailbox_entries;
DROP POLICY IF EXISTS mailbox_entries_own ON mailbox_entries;
ALTER TABLE mailbox_entries NO FORCE ROW LEVEL SECURITY;
ALTER TABLE mailbox_entries DISABLE ROW LEVEL SECURITY;
DROP FUNCTION IF EXISTS email_sent_by(uuid, uuid);
DROP POLICY IF EXISTS emails_sender ON emails;
DROP POLICY IF EXISTS emails_participants ON emails;
ALTER TABLE emails NO FORCE ROW LEVEL SECURITY;
ALTER TABLE emails DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS chat_message_edits_change ON chat_message_edits;
DROP POLICY IF EXISTS chat_message_edits_members ON chat_message_edits;
ALTER TABLE chat_message_edits NO FORCE ROW LEVEL SECURITY;
ALTER TABLE chat_message_edits DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS chat_messages_system ON chat_messages;
DROP POLICY IF EXISTS chat_messages_change ON chat_messages;
DROP POLICY IF EXISTS chat_messages_post ON chat_messages;
DROP POLICY IF EXISTS chat_messages_members ON chat_messages;
ALTER TABLE chat_messages NO FORCE ROW LEVEL SECURITY;
ALTER TABLE chat_messages DISABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS chat_room_members_leave ON chat_room_members;
DROP POLICY IF EXISTS chat_room_members_join ON chat_room_members;
DROP POLICY IF EXISTS chat_room_members_read ON chat_room_members;
ALTER TABLE chat_room_members NO FORCE ROW LEVEL SECURITY;
ALTER TABLE chat_room_members DISABLE ROW LEVEL SECURITY;
DROP TRIGGER IF EXISTS chat_rooms_fixed_columns ON chat_rooms;
DROP FUNCTION IF EXISTS chat_rooms_fixed_columns();
DROP POLICY IF EXISTS chat_rooms_system ON chat_rooms;
DROP POLICY IF EXISTS chat_rooms_create ON chat_rooms;
DROP POLICY IF EXISTS chat_rooms_join ON chat_rooms;
DROP POLICY IF EXISTS chat_rooms_read ON chat_rooms;
ALTER TABLE chat_rooms NO FORCE ROW LEVEL SECURITY;
ALTER TABLE chat_rooms DISABLE ROW LEVEL SECURITY;
DROP FUNCTION IF EXISTS chat_room_has_member(uuid, uuid);

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '32';
    END IF;
END
$$;
