package io.strata.application.workspace;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.application.shared.user.UserReferences;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.ProjectRepository;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A user who owns projects cannot be deleted: ownership must be transferred first. Memberships and
 * assignments do not block; they go with the user.
 */
@Singleton
public class ProjectOwnerReferences implements UserReferences {
    private final ProjectRepository projects;

    public ProjectOwnerReferences(ProjectRepository projects) {
        this.projects = projects;
    }

    @Override
    @ReadOnlyTransaction
    public Optional<String> blockingDeletion(UserId user) {
        long owned = projects.countOwnedBy(user);
        return owned == 0 ? Optional.empty() : Optional.of("owns " + owned + " project(s)");
    }
}
