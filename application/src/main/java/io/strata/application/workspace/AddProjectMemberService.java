package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.WorkspaceUsers;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Set;

@Singleton
public class AddProjectMemberService implements AddProjectMemberUseCase {
    private final ProjectRepository projects;
    private final WorkspaceUsers users;
    private final Clock clock;

    public AddProjectMemberService(ProjectRepository projects, WorkspaceUsers users, Clock clock) {
        this.projects = projects;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Project addMember(Command command) {
        Project project =
                WorkspaceAccess.visible(command.actor(), projects.lockById(command.projectId()), command.projectId());
        WorkspaceAccess.requireManager(command.actor(), project);
        if (users.existing(Set.of(command.userId())).isEmpty()) {
            throw new ValidationException("userId", "no user " + command.userId());
        }
        project.addMember(command.userId(), clock);
        return projects.save(project);
    }
}
