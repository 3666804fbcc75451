-- Rollback of V63__workspace_projects_keep_task_tally.sql. Not run by Flyway; apply by hand (or `./strata db`) in
-- reverse order. Drops the kept tally (the code before V63 counts the tasks again on every change) and gives the
-- projects table back its default fill factor. Also forgets the migration in Flyway's history so that `migrate`
-- applies it again.

ALTER TABLE IF EXISTS projects
    DROP CONSTRAINT IF EXISTS projects_task_tally_ck,
    DROP COLUMN IF EXISTS done_task_count,
    DROP COLUMN IF EXISTS cancelled_task_count;
ALTER TABLE IF EXISTS projects RESET (fillfactor);

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '63';
    END IF;
END
$$;
