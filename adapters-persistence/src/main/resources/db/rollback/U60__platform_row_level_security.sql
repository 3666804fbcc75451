DROP POLICY task_dependencies_visible_tasks ON task_dependencies;
ALTER TABLE task_dependencies NO FORCE ROW LEVEL SECURITY;
ALTER TABLE task_dependencies DISABLE ROW LEVEL SECURITY;
DROP POLICY tasks_project_members ON tasks;
ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;
DROP POLICY projects_members ON projects;
ALTER TABLE projects NO FORCE ROW LEVEL SECURITY;
ALTER TABLE projects DISABLE ROW LEVEL SECURITY;
DROP POLICY user_profiles_write ON user_profiles;
DROP POLICY user_profiles_read ON user_profiles;
ALTER TABLE user_profiles NO FORCE ROW LEVEL SECURITY;
ALTER TABLE user_profiles DISABLE ROW LEVEL SECURITY;
DROP POLICY sessions_acting_user ON sessions;
ALTER TABLE sessions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE sessions DISABLE ROW LEVEL SECURITY;

DO $$
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        DELETE FROM flyway_schema_history WHERE version = '60';
    END IF;
END
$$;
