package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Schedule;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

@Singleton
public class UpdateProjectService implements UpdateProjectUseCase {
    private final ProjectRepository projects;
    private final Clock clock;

    public UpdateProjectService(ProjectRepository projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Project update(Command command) {
        Project project =
                WorkspaceAccess.visible(command.actor(), projects.findById(command.projectId()), command.projectId());
        WorkspaceAccess.requireManager(command.actor(), project);
        Versioned.require("Project", project.id(), command.expectedVersion(), project.version());
        ProjectPatch patch = command.patch();
        patch.name().ifPresent(name -> project.rename(name, clock));
        patch.description().ifPresent(description -> project.describe(description, clock));
        patch.priority().ifPresent(priority -> project.prioritize(priority, clock));
        if (patch.startDate().present() || patch.dueDate().present()) {
            LocalDate start = patch.startDate().present() ? patch.startDate().value() : project.startDate();
            LocalDate due = patch.dueDate().present() ? patch.dueDate().value() : project.dueDate();
            project.reschedule(new Schedule(start, due), clock);
        }
        patch.budget().ifPresent(budget -> project.changeBudget(budget, clock));
        patch.tags().ifPresent(tags -> project.retag(Tags.of(tags), clock));
        return projects.save(project);
    }
}
