-- Rollback of V3__workspace_projects_tasks.sql. Not run by Flyway; apply by hand (or `./strata db`) in reverse order.
-- Also forgets the migration in Flyway's history so that `migrate` applies it again.
-- pg_trgm belongs to V1 and stays.

DROP TABLE IF EXISTS task_dependencies;
DROP TABLE IF EXISTS tasks;
DROP TABLE IF EXISTS project_members;
DROP TABLE IF EXISTS projects;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '3';
    END IF;
END
$$;
