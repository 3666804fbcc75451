package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RemoveProjectMemberService implements RemoveProjectMemberUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public RemoveProjectMemberService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Managers remove anyone but the owner; a member may also leave by removing themselves. */
    @Override
    @Transactional
    @Rerunnable
    public Project removeMember(Command command) {
        Project project =
                WorkspaceAccess.visible(command.actor(), projects.lockById(command.projectId()), command.projectId());
        if (!command.actor().userId().equals(command.userId())) {
            WorkspaceAccess.requireManager(command.actor(), project);
        }
        Versioned.require("Project", project.id(), command.expectedVersion(), project.version());
        project.removeMember(command.userId(), tasks.countOpenAssigned(project.id(), command.userId()), clock);
        return projects.save(project);
    }
}
