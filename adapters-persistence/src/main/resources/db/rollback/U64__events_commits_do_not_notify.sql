-- Rollback of V64__events_commits_do_not_notify.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse
-- order. Puts back V10's trigger: every transaction that appends events notifies the relays at its commit. Also
-- forgets the migration in Flyway's history so that `migrate` applies it again.

CREATE OR REPLACE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('strata_events', '');
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS events_notify_tg ON events;
CREATE TRIGGER events_notify_tg AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION events_notify();

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '64';
    END IF;
END
$$;
