-- Rollback of V31__messaging_mail.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.

DROP TABLE IF EXISTS mailbox_entries;
DROP TABLE IF EXISTS emails;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '31';
    END IF;
END
$$;
