-- workspace: a project keeps how many of its tasks are DONE and CANCELLED beside task_count, so a task change adjusts
-- the tally under the project's lock instead of counting the project's tasks again (one aggregate per change, growing
-- with the project). completion stays a stored column: DONE / (all but CANCELLED), as the domain computes it.
ALTER TABLE projects
    ADD COLUMN done_task_count      bigint NOT NULL DEFAULT 0,
    ADD COLUMN cancelled_task_count bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT projects_task_tally_ck
        CHECK (done_task_count >= 0 AND cancelled_task_count >= 0
               AND done_task_count + cancelled_task_count <= task_count);

-- The tally of the projects there are (row-level security: as Strata's own work, for this transaction only).
SELECT set_config('strata.role', 'SYSTEM', true);
UPDATE projects p
SET done_task_count = t.done, cancelled_task_count = t.cancelled
FROM (SELECT project_id,
             count(*) FILTER (WHERE status = 'DONE') AS done,
             count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
      FROM tasks GROUP BY project_id) t
WHERE t.project_id = p.id AND (t.done > 0 OR t.cancelled > 0);

-- A task added or moved changes the tally and the version, not updated_at nor any other indexed column: with room
-- left on the row's page PostgreSQL writes it as a heap-only tuple, without an entry in each of the table's indexes.
ALTER TABLE projects SET (fillfactor = 90);
