package io.strata.application.workspace;

import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import java.util.Optional;

/**
 * The workspace's object-level rules in one place: members (and ADMIN) see a project and its tasks,
 * to anyone else they do not exist (404); GUEST members only read; the owner, MANAGER members and
 * ADMIN manage the project itself (details, status, members).
 */
final class WorkspaceAccess {
    private WorkspaceAccess() {}

    static boolean canSee(Actor actor, Project project) {
        return actor.isAdmin() || project.isMember(actor.userId());
    }

    static Project visible(Actor actor, Optional<Project> project, ProjectId id) {
        return project.filter(p -> canSee(actor, p)).orElseThrow(() -> new NotFoundException("Project", id));
    }

    static void requireContributor(Actor actor) {
        if (actor.role() == Role.GUEST) {
            throw new ForbiddenException("GUEST users can only read projects and tasks");
        }
    }

    static void requireManager(Actor actor, Project project) {
        boolean manager = actor.isAdmin()
                || project.ownerId().equals(actor.userId())
                || actor.role() == Role.MANAGER && project.isMember(actor.userId());
        if (!manager) {
            throw new ForbiddenException("only the project owner, a MANAGER member or an ADMIN may do this");
        }
    }

    /**
     * Locks the task's project, then loads the task as last committed: every task change of a
     * project runs one at a time, so counters stay exact and concurrent changes never go stale.
     */
    static LockedTask lockTask(ProjectRepository projects, TaskRepository tasks, Actor actor, TaskId id) {
        ProjectId projectId = tasks.findProjectId(id).orElseThrow(() -> new NotFoundException("Task", id));
        Project project = projects.lockById(projectId)
                .filter(p -> canSee(actor, p))
                .orElseThrow(() -> new NotFoundException("Task", id));
        Task task = tasks.findById(id).orElseThrow(() -> new NotFoundException("Task", id));
        return new LockedTask(project, task);
    }

    record LockedTask(Project project, Task task) {}
}
