package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.shared.InvariantCheck;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Workspace's invariant for {@code strata db verify}: a project's tally ({@code task_count}, {@code done_task_count},
 * {@code cancelled_task_count}) counts its tasks, and its {@code completion} is the percent of DONE among all but
 * CANCELLED ones (what every task change adjusts on the project). One aggregate over {@code tasks} by project.
 */
@Singleton
public class ProjectCountersCheck implements InvariantCheck {
    private final EntityManager entityManager;

    ProjectCountersCheck(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "workspace: project task counters and completion match the tasks";
    }

    @Override
    @JoinsTransaction
    @SuppressWarnings("unchecked")
    public List<String> violations(int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                        SELECT p.id, p.task_count, p.done_task_count, p.cancelled_task_count, p.completion,
                               coalesce(t.total, 0), coalesce(t.done, 0), coalesce(t.cancelled, 0),
                               CASE WHEN coalesce(t.total, 0) - coalesce(t.cancelled, 0) = 0 THEN 0
                                    ELSE (t.done * 100 / (t.total - t.cancelled))::int END
                        FROM projects p
                        LEFT JOIN (SELECT project_id, count(*) AS total,
                                          count(*) FILTER (WHERE status = 'DONE') AS done,
                                          count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                                   FROM tasks GROUP BY project_id) t ON t.project_id = p.id
                        WHERE p.task_count <> coalesce(t.total, 0)
                           OR p.done_task_count <> coalesce(t.done, 0)
                           OR p.cancelled_task_count <> coalesce(t.cancelled, 0)
                           OR p.completion <> CASE WHEN coalesce(t.total, 0) - coalesce(t.cancelled, 0) = 0 THEN 0
                                                   ELSE (t.done * 100 / (t.total - t.cancelled))::int END
                        ORDER BY p.id
                        LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> "project " + row[0] + ": taskCount " + row[1] + " (" + row[2] + " done, " + row[3]
                        + " cancelled) but " + row[5] + " tasks (" + row[6] + " done, " + row[7]
                        + " cancelled), completion "
                        + row[4] + " but " + row[8] + "%")
                .toList();
    }
}
