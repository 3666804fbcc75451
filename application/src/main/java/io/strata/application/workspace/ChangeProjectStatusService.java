package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ChangeProjectStatusService implements ChangeProjectStatusUseCase {
    private final ProjectRepository projects;
    private final Clock clock;

    public ChangeProjectStatusService(ProjectRepository projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    /** Under the project's lock, so no task can be added or reopened between the check of its tally and the change. */
    @Override
    @Transactional
    @Rerunnable
    public Project changeStatus(Command command) {
        Project project =
                WorkspaceAccess.visible(command.actor(), projects.lockById(command.projectId()), command.projectId());
        WorkspaceAccess.requireManager(command.actor(), project);
        if (command.expectedVersion() != null) {
            Versioned.require("Project", project.id(), command.expectedVersion(), project.version());
        }
        project.changeStatus(command.status(), clock);
        return projects.save(project);
    }
}
