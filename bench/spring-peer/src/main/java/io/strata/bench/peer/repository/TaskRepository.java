package io.strata.bench.peer.repository;

import io.strata.bench.peer.domain.Task;
import io.strata.bench.peer.domain.TaskStatus;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.stereotype.Repository;

@Repository
public interface TaskRepository extends JpaRepository<Task, UUID> {

    /** The counters of a project's tasks, in one aggregate query. */
    @Query("""
            select new io.strata.bench.peer.repository.TaskTally(
                count(t),
                coalesce(sum(case when t.status = :done then 1 else 0 end), 0),
                coalesce(sum(case when t.status = :cancelled then 1 else 0 end), 0))
            from Task t where t.project.id = :projectId""")
    TaskTally tally(@Param("projectId") UUID projectId, @Param("done") TaskStatus done,
                    @Param("cancelled") TaskStatus cancelled);
}
