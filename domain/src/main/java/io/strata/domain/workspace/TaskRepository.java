package io.strata.domain.workspace;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port: tasks with their dependencies. Storing tasks appends the events they recorded to the outbox, in the
 * caller's transaction.
 */
@OutboundPort
public interface TaskRepository {
    Optional<Task> findById(TaskId id);

    /**
     * The project of a task, read without loading the task, so a use case can lock the project
     * first and then load the task as committed by whoever held the lock before.
     */
    Optional<ProjectId> findProjectId(TaskId id);

    /** The tasks with these ids, in one query; unknown ids are skipped. */
    List<Task> findAllById(Collection<TaskId> ids);

    /** Stores new tasks (and their dependencies) in batched statements. */
    List<Task> addAll(List<Task> tasks);

    /** Stores changes (including dependencies) at the loaded version; a concurrent commit first is stale. */
    Task save(Task task);

    /** Every "depends on" edge of the project's tasks, in one query. */
    DependencyGraph dependencyGraph(ProjectId projectId);

    /** DONE tasks that depend on {@code id}. */
    List<TaskId> doneDependents(TaskId id);

    /** Open tasks of the project assigned to the user. */
    long countOpenAssigned(ProjectId projectId, UserId assigneeId);

    /** A page of one project's tasks; {@code today} decides {@code overdue}. Constant statements per page. */
    Page<Task> searchInProject(ProjectId projectId, SearchCriteria criteria, PageRequest page, LocalDate today);

    /** A page of the tasks assigned to a user across projects. Constant statements per page. */
    Page<Task> searchAssignedTo(UserId assigneeId, SearchCriteria criteria, PageRequest page, LocalDate today);
}
