package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.application.shared.InvariantCheck;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Workspace's invariant for {@code strata db verify}: a project's {@code task_count} is the number of its tasks and
 * its {@code completion} the percent of DONE among all but CANCELLED ones (what {@code Project.recordTaskTally}
 * stores after every task change). One aggregate over {@code tasks} by project.
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
                        SELECT p.id, p.task_count, coalesce(t.total, 0), p.completion,
                               CASE WHEN coalesce(t.total, 0) - coalesce(t.cancelled, 0) = 0 THEN 0
                                    ELSE (t.done * 100 / (t.total - t.cancelled))::int END
                        FROM projects p
                        LEFT JOIN (SELECT project_id, count(*) AS total,
                                          count(*) FILTER (WHERE status = 'DONE') AS done,
                                          count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled
                                   FROM tasks GROUP BY project_id) t ON t.project_id = p.id
                        WHERE p.task_count <> coalesce(t.total, 0)
                           OR p.completion <> CASE WHEN coalesce(t.total, 0) - coalesce(t.cancelled, 0) = 0 THEN 0
                                                   ELSE (t.done * 100 / (t.total - t.cancelled))::int END
                        ORDER BY p.id
                        LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> "project " + row[0] + ": taskCount " + row[1] + " but " + row[2] + " tasks, completion "
                        + row[3] + " but " + row[4] + "%")
                .toList();
    }
}
