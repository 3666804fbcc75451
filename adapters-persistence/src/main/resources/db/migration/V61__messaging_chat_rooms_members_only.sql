-- messaging: chat_rooms for their members only. V32__messaging_row_level_security.sql let anyone signed in read every
-- room (name, creator) and move its counters, because joining read the room before the joiner's member row existed.
-- A join now writes that row first (ChatRoomRepository.findToJoin: the member rows' own policy lets a user insert
-- their own row, and the row's foreign key tells a missing room), then reads and updates the room as a member.

-- Read by its members and its creator (who keeps the right to delete messages after leaving); changed by its
-- members only (the counters: version, updated_at, last_change; the trigger chat_rooms_fixed_columns still refuses a
-- change of name or creator); SYSTEM (jobs, db commands) all. Created by its creator and deleted by SYSTEM, as
-- V32 has it: no use case deletes a room (a user's rooms go with the user, by the foreign key's cascade). The
-- members' policy reads no chat_rooms, so reading chat_room_members here does not recurse (chat_room_has_member is
-- not needed): a user's own member row is visible to them.
DROP POLICY chat_rooms_read ON chat_rooms;
DROP POLICY chat_rooms_join ON chat_rooms;
CREATE POLICY chat_rooms_members_read ON chat_rooms FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR creator_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR EXISTS (SELECT 1 FROM chat_room_members m
                      WHERE m.room_id = chat_rooms.id
                        AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
CREATE POLICY chat_rooms_members_change ON chat_rooms FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) = 'SYSTEM'
           OR EXISTS (SELECT 1 FROM chat_room_members m
                      WHERE m.room_id = chat_rooms.id
                        AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));
