-- Row-level security: a second guard behind the use cases' visibility rules (docs/extending.md, "Row-level
-- security"). Each transaction names who acts with set_config(..., true) (io.strata.adapters.persistence.shared.
-- RowSecurity): strata.role is the actor's role (USER, MANAGER, ADMIN), SYSTEM for Strata's own work (migrations,
-- db commands, background jobs, authentication), and strata.user_id the acting user. A transaction that sets
-- nothing sees no rows. The settings are read as (SELECT current_setting(...)): an init plan, evaluated once per
-- statement rather than once per row. FORCE makes the policies bind the tables' owner too (only a superuser or a
-- BYPASSRLS role passes them).

-- sessions: the user's own; ADMIN and SYSTEM (authentication, log-in) all.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY sessions_acting_user ON sessions
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- user_profiles: the user's own; ADMIN and MANAGER read every profile; only ADMIN (and SYSTEM) change others'.
ALTER TABLE user_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY user_profiles_read ON user_profiles FOR SELECT
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN', 'MANAGER')
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));
CREATE POLICY user_profiles_write ON user_profiles
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid));

-- projects: their members (and the owner, who is one: the project row is inserted before its member rows);
-- ADMIN and SYSTEM all.
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
CREATE POLICY projects_members ON projects
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR owner_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)
           OR EXISTS (SELECT 1 FROM project_members m
                      WHERE m.project_id = projects.id
                        AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- tasks: the members of their project; ADMIN and SYSTEM all.
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_project_members ON tasks
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM project_members m
                      WHERE m.project_id = tasks.project_id
                        AND m.user_id = (SELECT nullif(current_setting('strata.user_id', true), '')::uuid)));

-- task_dependencies: those of visible tasks (the tasks policy applies inside).
ALTER TABLE task_dependencies ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_dependencies FORCE ROW LEVEL SECURITY;
CREATE POLICY task_dependencies_visible_tasks ON task_dependencies
    USING ((SELECT current_setting('strata.role', true)) IN ('SYSTEM', 'ADMIN')
           OR EXISTS (SELECT 1 FROM tasks t WHERE t.id = task_dependencies.task_id));
