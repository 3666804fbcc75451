-- workspace: projects with their members, the tasks of a project and the dependencies between them.
-- The database guards the same invariants as the domain (Project, Task, Budget, Tags): an assignee is a
-- member of the task's project, a dependency never leaves its project, a task is completed iff DONE.

CREATE TABLE projects (
    id              uuid          NOT NULL,
    name            text          NOT NULL,
    description     text,
    status          text          NOT NULL,
    priority        text          NOT NULL,
    owner_id        uuid          NOT NULL,
    start_date      date,
    due_date        date,
    budget_amount   numeric(14,2),
    budget_currency char(3),
    tags            text[]        NOT NULL DEFAULT '{}',
    task_count      bigint        NOT NULL DEFAULT 0,
    completion      integer       NOT NULL DEFAULT 0,
    -- what "q" searches: lower-cased name and description (kept by PostgreSQL)
    search_text     text GENERATED ALWAYS AS (lower(name || ' ' || coalesce(description, ''))) STORED,
    version         bigint        NOT NULL DEFAULT 0,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    CONSTRAINT projects_pk PRIMARY KEY (id),
    -- a user who owns projects cannot be deleted (UserPersistenceAdapter.delete reports it as a conflict)
    CONSTRAINT projects_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE RESTRICT,
    CONSTRAINT projects_name_ck CHECK (length(name) BETWEEN 1 AND 200),
    CONSTRAINT projects_description_ck CHECK (length(description) <= 10000),
    CONSTRAINT projects_status_ck CHECK (status IN ('PLANNING', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT projects_priority_ck CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT projects_schedule_ck CHECK (due_date >= start_date),
    CONSTRAINT projects_budget_ck CHECK ((budget_amount IS NULL) = (budget_currency IS NULL)),
    CONSTRAINT projects_budget_amount_ck CHECK (budget_amount >= 0),
    CONSTRAINT projects_budget_currency_ck CHECK (budget_currency ~ '^[A-Z]{3}$'),
    CONSTRAINT projects_tags_ck CHECK (cardinality(tags) <= 50 AND array_position(tags, NULL) IS NULL),
    CONSTRAINT projects_task_count_ck CHECK (task_count >= 0),
    CONSTRAINT projects_completion_ck CHECK (completion BETWEEN 0 AND 100),
    CONSTRAINT projects_version_ck CHECK (version >= 0),
    CONSTRAINT projects_updated_at_ck CHECK (updated_at >= created_at)
);

-- keyset paging: every sortable field of ProjectSearch.SCHEMA with the id as tie-breaker
CREATE INDEX projects_created_at_id_ix ON projects (created_at, id);
CREATE INDEX projects_updated_at_id_ix ON projects (updated_at, id);
CREATE INDEX projects_name_id_ix ON projects (name, id);
CREATE INDEX projects_start_date_id_ix ON projects (start_date, id);                                 -- asc, nulls last
CREATE INDEX projects_start_date_desc_id_ix ON projects (start_date DESC NULLS LAST, id DESC);       -- desc, nulls last
CREATE INDEX projects_due_date_id_ix ON projects (due_date, id);
CREATE INDEX projects_due_date_desc_id_ix ON projects (due_date DESC NULLS LAST, id DESC);
-- filters, each with the default sort (-createdAt) behind it; owner_id also serves the RESTRICT check
CREATE INDEX projects_owner_created_at_ix ON projects (owner_id, created_at, id);
CREATE INDEX projects_status_created_at_ix ON projects (status, created_at, id);
CREATE INDEX projects_priority_created_at_ix ON projects (priority, created_at, id);
-- tag containment (tags @> '{a,b}') and free text (search_text LIKE '%...%')
CREATE INDEX projects_tags_gin_ix ON projects USING gin (tags);
CREATE INDEX projects_search_text_trgm_ix ON projects USING gin (search_text gin_trgm_ops);

CREATE TABLE project_members (
    project_id uuid NOT NULL,
    user_id    uuid NOT NULL,
    CONSTRAINT project_members_pk PRIMARY KEY (project_id, user_id),
    CONSTRAINT project_members_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT project_members_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- "projects of a member" (memberId filter, visibility) and the cascade when a user is deleted
CREATE INDEX project_members_user_ix ON project_members (user_id, project_id);

CREATE TABLE tasks (
    id              uuid         NOT NULL,
    project_id      uuid         NOT NULL,
    title           text         NOT NULL,
    description     text,
    status          text         NOT NULL,
    priority        text         NOT NULL,
    assignee_id     uuid,
    estimated_hours numeric(8,2),
    actual_hours    numeric(8,2) NOT NULL DEFAULT 0,
    due_date        date,
    tags            text[]       NOT NULL DEFAULT '{}',
    completed_at    timestamptz,
    -- what "q" searches: lower-cased title and description (kept by PostgreSQL)
    search_text     text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(description, ''))) STORED,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT tasks_pk PRIMARY KEY (id),
    -- target of the composite foreign keys of task_dependencies
    CONSTRAINT tasks_id_project_uk UNIQUE (id, project_id),
    CONSTRAINT tasks_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    -- an assignee is a member of the task's project; removing the member unassigns (PostgreSQL 15+ column list)
    CONSTRAINT tasks_assignee_member_fk FOREIGN KEY (project_id, assignee_id)
        REFERENCES project_members (project_id, user_id) ON DELETE SET NULL (assignee_id),
    CONSTRAINT tasks_title_ck CHECK (length(title) BETWEEN 1 AND 200),
    CONSTRAINT tasks_description_ck CHECK (length(description) <= 10000),
    CONSTRAINT tasks_status_ck CHECK (status IN ('TODO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED')),
    CONSTRAINT tasks_priority_ck CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    CONSTRAINT tasks_estimated_hours_ck CHECK (estimated_hours >= 0),
    CONSTRAINT tasks_actual_hours_ck CHECK (actual_hours >= 0),
    CONSTRAINT tasks_completed_at_ck CHECK ((completed_at IS NOT NULL) = (status = 'DONE')),
    CONSTRAINT tasks_tags_ck CHECK (cardinality(tags) <= 50 AND array_position(tags, NULL) IS NULL),
    CONSTRAINT tasks_version_ck CHECK (version >= 0),
    CONSTRAINT tasks_updated_at_ck CHECK (updated_at >= created_at)
);

-- a project's tasks: keyset paging by every sortable field of TaskSearch.SCHEMA, id as tie-breaker
CREATE INDEX tasks_project_created_at_ix ON tasks (project_id, created_at, id);
CREATE INDEX tasks_project_updated_at_ix ON tasks (project_id, updated_at, id);
CREATE INDEX tasks_project_title_ix ON tasks (project_id, title, id);
CREATE INDEX tasks_project_due_date_ix ON tasks (project_id, due_date, id);
CREATE INDEX tasks_project_due_date_desc_ix ON tasks (project_id, due_date DESC NULLS LAST, id DESC);
-- filters inside a project: status (and the counters), assignee (and the SET NULL of the member key)
CREATE INDEX tasks_project_status_ix ON tasks (project_id, status, created_at, id);
CREATE INDEX tasks_project_assignee_ix ON tasks (project_id, assignee_id);
-- "my tasks" across projects, same sort keys
CREATE INDEX tasks_assignee_created_at_ix ON tasks (assignee_id, created_at, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tasks_assignee_updated_at_ix ON tasks (assignee_id, updated_at, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tasks_assignee_title_ix ON tasks (assignee_id, title, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tasks_assignee_due_date_ix ON tasks (assignee_id, due_date, id) WHERE assignee_id IS NOT NULL;
CREATE INDEX tasks_assignee_due_date_desc_ix ON tasks (assignee_id, due_date DESC NULLS LAST, id DESC)
    WHERE assignee_id IS NOT NULL;
-- tag containment and free text
CREATE INDEX tasks_tags_gin_ix ON tasks USING gin (tags);
CREATE INDEX tasks_search_text_trgm_ix ON tasks USING gin (search_text gin_trgm_ops);

CREATE TABLE task_dependencies (
    task_id       uuid NOT NULL,
    depends_on_id uuid NOT NULL,
    -- the project of both tasks: the composite keys below keep a dependency inside its project
    project_id    uuid NOT NULL,
    CONSTRAINT task_dependencies_pk PRIMARY KEY (task_id, depends_on_id),
    CONSTRAINT task_dependencies_task_fk FOREIGN KEY (task_id, project_id)
        REFERENCES tasks (id, project_id) ON DELETE CASCADE,
    CONSTRAINT task_dependencies_depends_on_fk FOREIGN KEY (depends_on_id, project_id)
        REFERENCES tasks (id, project_id) ON DELETE CASCADE,
    CONSTRAINT task_dependencies_not_self_ck CHECK (task_id <> depends_on_id)
);

-- "DONE tasks that depend on X" and the cascade when X is deleted
CREATE INDEX task_dependencies_depends_on_ix ON task_dependencies (depends_on_id, project_id);
-- the dependency graph of a project, in one index scan
CREATE INDEX task_dependencies_project_ix ON task_dependencies (project_id);
