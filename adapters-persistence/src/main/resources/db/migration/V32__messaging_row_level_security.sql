-- messaging: row-level security (the pattern and the settings: V60__platform_row_level_security.sql). The rules are
-- those of ChatAccess and MailAccess: chat is for a room's members, mail for its participants, ADMINs included (no
-- override); SYSTEM (jobs, db commands) sees and changes everything.

-- Whether member is in the room: read as SYSTEM, so that the members' own policy can show a member the others of
-- their rooms without reading chat_room_members under that policy (PostgreSQL refuses the recursion). FORCE binds
-- the tables' owner too, so SECURITY DEFINER would not lift the policy; the SET clause does, for this query only.
CREATE FUNCTION chat_room_has_member(room uuid, member uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path FROM CURRENT SET strata.role = 'SYSTEM' AS $$
    SELECT EXISTS (SELECT 1 FROM chat_room_members WHERE room_id = room AND user_id = member)
$$;

-- chat_rooms: read by anyone signed in, since a room's id is its invitation (JoinChatRoomService finds the room
-- for a user who is not yet a member); updated by anyone signed in, since a join moves the room's version before the
-- joiner's member row is written, but only in its counters (version, updated_at, last_change: a trigger refuses a
-- change of name or creator, which no use case makes); created by its creator. Its messages and members are what
-- membership guards.
ALTER TABLE chat_rooms ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_rooms FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_rooms_read ON chat_rooms FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) <> '');
CREATE POLICY chat_rooms_join ON chat_rooms FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) <> '');
CREATE POLICY chat_rooms_create ON chat_rooms FOR INSERT
    WITH CHECK ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
                OR creator_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY chat_rooms_system ON chat_rooms FOR DELETE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM');
CREATE FUNCTION chat_rooms_fixed_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.name, NEW.creator_id, NEW.created_at)
           IS DISTINCT FROM (OLD.id, OLD.name, OLD.creator_id, OLD.created_at)
       AND current_setting('strata.role', true) IS DISTINCT FROM 'SYSTEM' THEN
        RAISE EXCEPTION 'a chat room''s name and creator do not change' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER chat_rooms_fixed_columns BEFORE UPDATE ON chat_rooms
    FOR EACH ROW EXECUTE FUNCTION chat_rooms_fixed_columns();

-- chat_room_members: the membership source the other chat policies read. A member reads the members of their
-- rooms; a user writes only their own row (join, leave).
ALTER TABLE chat_room_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_room_members FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_room_members_read ON chat_room_members FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR chat_room_has_member(room_id, (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
CREATE POLICY chat_room_members_join ON chat_room_members FOR INSERT
    WITH CHECK ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
                OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY chat_room_members_leave ON chat_room_members FOR DELETE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- chat_messages: read by the room's members; posted by a member as its sender; edited by its sender and deleted
-- (content cleared) by its sender or the room's creator, while a member.
ALTER TABLE chat_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_messages_members ON chat_messages FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR EXISTS (SELECT 1 FROM chat_room_members m
                      WHERE m.room_id = chat_messages.room_id
                        AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
CREATE POLICY chat_messages_post ON chat_messages FOR INSERT
    WITH CHECK ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
                OR (sender_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                    AND EXISTS (SELECT 1 FROM chat_room_members m
                                WHERE m.room_id = chat_messages.room_id
                                  AND m.user_id = sender_id)));
CREATE POLICY chat_messages_change ON chat_messages FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR (EXISTS (SELECT 1 FROM chat_room_members m
                       WHERE m.room_id = chat_messages.room_id
                         AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid))
               AND (sender_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                    OR EXISTS (SELECT 1 FROM chat_rooms r
                               WHERE r.id = chat_messages.room_id
                                 AND r.creator_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)))));
CREATE POLICY chat_messages_system ON chat_messages FOR DELETE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM');

-- chat_message_edits: those of readable messages (the messages' policy applies inside); written with the
-- message's change, by those who may change it.
ALTER TABLE chat_message_edits ENABLE ROW LEVEL SECURITY;
ALTER TABLE chat_message_edits FORCE ROW LEVEL SECURITY;
CREATE POLICY chat_message_edits_members ON chat_message_edits FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR EXISTS (SELECT 1 FROM chat_messages msg WHERE msg.id = chat_message_edits.message_id));
CREATE POLICY chat_message_edits_change ON chat_message_edits
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR EXISTS (SELECT 1 FROM chat_messages msg
                      WHERE msg.id = chat_message_edits.message_id
                        AND (msg.sender_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
                             OR EXISTS (SELECT 1 FROM chat_rooms r
                                        WHERE r.id = msg.room_id
                                          AND r.creator_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)))));

-- emails: read by the sender and by every user who has a copy (a mailbox entry of theirs); written by the sender
-- only (drafts). bcc_addresses never leave the sender's use cases (Email.seenBy: a column rule, not a row rule).
ALTER TABLE emails ENABLE ROW LEVEL SECURITY;
ALTER TABLE emails FORCE ROW LEVEL SECURITY;
CREATE POLICY emails_participants ON emails FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR sender_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR EXISTS (SELECT 1 FROM mailbox_entries m
                      WHERE m.email_id = emails.id
                        AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
CREATE POLICY emails_sender ON emails
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR sender_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- Whether sender sent the e-mail: read as SYSTEM, so that the mailbox entries' policy can ask it without reading
-- emails under its policy (which reads mailbox_entries: PostgreSQL refuses that recursion).
CREATE FUNCTION email_sent_by(email uuid, sender uuid) RETURNS boolean
    LANGUAGE sql STABLE SET search_path FROM CURRENT SET strata.role = 'SYSTEM' AS $$
    SELECT EXISTS (SELECT 1 FROM emails WHERE id = email AND sender_id = sender)
$$;

-- mailbox_entries: the membership source the emails' policy reads: a user reads, marks, moves and removes their own
-- copies. Copies are inserted by the e-mail's sender only (their own copy, and the recipients' when sending).
ALTER TABLE mailbox_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE mailbox_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY mailbox_entries_own ON mailbox_entries FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY mailbox_entries_own_change ON mailbox_entries FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY mailbox_entries_own_removal ON mailbox_entries FOR DELETE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY mailbox_entries_delivery ON mailbox_entries FOR INSERT
    WITH CHECK ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
                OR email_sent_by(email_id, (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
