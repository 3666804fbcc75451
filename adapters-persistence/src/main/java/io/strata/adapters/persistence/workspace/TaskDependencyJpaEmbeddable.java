package io.strata.adapters.persistence.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of {@code task_dependencies} seen from the dependent task: the task it depends on, and the
 * project of both, which the composite foreign keys use to keep the dependency inside its project.
 * Immutable; equal by both columns, so a set of them diffs row by row.
 */
@Embeddable
class TaskDependencyJpaEmbeddable {
    @Column(name = "depends_on_id", nullable = false, updatable = false)
    private UUID dependsOnId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    TaskDependencyJpaEmbeddable() {}

    TaskDependencyJpaEmbeddable(UUID dependsOnId, UUID projectId) {
        this.dependsOnId = Objects.requireNonNull(dependsOnId, "dependsOnId");
        this.projectId = Objects.requireNonNull(projectId, "projectId");
    }

    public UUID getDependsOnId() {
        return dependsOnId;
    }

    public UUID getProjectId() {
        return projectId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TaskDependencyJpaEmbeddable that
                && Objects.equals(dependsOnId, that.dependsOnId)
                && Objects.equals(projectId, that.projectId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dependsOnId, projectId);
    }

    @Override
    public String toString() {
        return dependsOnId + "@" + projectId;
    }
}
