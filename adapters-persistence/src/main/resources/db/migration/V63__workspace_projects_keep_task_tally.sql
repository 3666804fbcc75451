-- workspace: a project keeps how many of its tasks are DONE and CANCELLED beside task_count, so a task change adjusts
-- the tally under the project's lock instead of counting the project's tasks again (one aggregate per change, growing
-- with the project). completion stays a stored column: DONE / (all but CANCELLED), as the domain computes it.
ALTER TABLE projects
    ADD COLUMN done_task_count      bigint NOT NULL DEFAULT 0,
    ADD COLUMN cancelled_task_count bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT projects_task_tally_ck
        CHECK (done_task_count >= 0 AND cancelled_task_count >= 0
               AND done_task_count + cancelled_task_count <= task_count);

-- The tally of the projects there are, counted from their tasks (the three counts and completion together, so the
-- check above holds even for a row whose task_count had drifted; row-level security: as Strata's own work, for
-- this transaction only). updated_at stays.
SELECT set_config('strata.role', 'SYSTEM', true);
UPDATE projects p
SET task_count = t.total,
    done_task_count = t.done,
    cancelled_task_count = t.cancelled,
    completion = CASE WHEN t.total - t.cancelled = 0 THEN 0 ELSE (t.done * 100 / (t.total - t.cancelled))::int END
FROM (SELECT project_id,
             count(*) AS total,
             count(*) FILTER (WHERE status = 'DONE') AS done,
             count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
      FROM tasks GROUP BY project_id) t
WHERE t.project_id = p.id;

-- A task added or moved changes the tally and the version, not updated_at nor any other indexed column: with room
-- left on the row's page PostgreSQL writes it as a heap-only tuple, without an entry in each of the table's indexes.
ALTER TABLE projects SET (fillfactor = 90);
