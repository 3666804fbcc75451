-- Rollback of V61__messaging_chat_rooms_members_only.sql. Not run by Flyway; apply by hand (or `./strata db`) in
-- reverse order. Puts back V32's chat_rooms policies (read and counters by anyone signed in). Also forgets the
-- migration in Flyway's history so that `migrate` applies it again.

DROP POLICY IF EXISTS chat_rooms_members_change ON chat_rooms;
DROP POLICY IF EXISTS chat_rooms_members_read ON chat_rooms;
DROP POLICY IF EXISTS chat_rooms_read ON chat_rooms;
DROP POLICY IF EXISTS chat_rooms_join ON chat_rooms;
CREATE POLICY chat_rooms_read ON chat_rooms FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) <> '');
CREATE POLICY chat_rooms_join ON chat_rooms FOR UPDATE
    USING ((SELECT current_setting('strata.role', true)) <> '');

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '61';
    END IF;
END
$$;
