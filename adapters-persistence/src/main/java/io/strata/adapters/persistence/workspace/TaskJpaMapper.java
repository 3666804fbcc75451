package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.workspace.Effort;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.AfterMapping;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link Task} to and from {@link TaskJpaEntity}. Dependencies are copied onto the entity's live
 * collection in place, so that saving inserts and deletes only the rows that changed.
 */
@Mapper(config = JpaMapperConfig.class)
interface TaskJpaMapper extends KernelJpaMappings, WorkspaceJpaMappings {

    /** Rebuilds the aggregate with the entity's own (lazily loaded) dependencies. */
    default Task toDomain(TaskJpaEntity row) {
        return toDomain(
                row,
                row.getDependencies().stream()
                        .map(TaskDependencyJpaEmbeddable::getDependsOnId)
                        .toList());
    }

    /**
     * Rebuilds the aggregate through {@link Task#reconstitute} (no validation, no events), with
     * dependencies loaded separately (a page loads them for all its tasks at once).
     */
    default Task toDomain(TaskJpaEntity row, Collection<UUID> dependsOn) {
        return Task.reconstitute(
                taskId(row.getId()),
                projectId(row.getProjectId()),
                row.getTitle(),
                row.getDescription(),
                row.getStatus(),
                row.getPriority(),
                userId(row.getAssigneeId()),
                effort(row),
                row.getDueDate(),
                tags(row.getTags()),
                taskIds(dependsOn),
                row.getCompletedAt(),
                stamp(row));
    }

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // two columns of the row
    Effort effort(TaskJpaEntity row);

    Set<TaskId> taskIds(Collection<UUID> ids);

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "estimatedHours", source = "effort.estimatedHours")
    @Mapping(target = "actualHours", source = "effort.actualHours")
    @Mapping(target = "dependencies", ignore = true)
    @BeanMapping(ignoreUnmappedSourceProperties = "dependsOn") // copyDependencies
    TaskJpaEntity toEntity(Task task);

    /**
     * Copies the mutable state onto a loaded row. Identity, project, creation time and the version
     * (owned by Hibernate's optimistic lock) are left alone.
     */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "projectId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(Task task, @MappingTarget TaskJpaEntity entity);

    /**
     * Makes the entity's dependency rows those of the task (each carrying the row's project, which never
     * changes), changing the live collection only where they differ.
     */
    @AfterMapping
    default void copyDependencies(Task task, @MappingTarget TaskJpaEntity entity) {
        Set<TaskDependencyJpaEmbeddable> wanted = new LinkedHashSet<>(); // a loop: every task's write maps this
        for (TaskId id : task.dependsOn()) {
            wanted.add(new TaskDependencyJpaEmbeddable(id.value(), entity.getProjectId()));
        }
        Set<TaskDependencyJpaEmbeddable> rows = entity.getDependencies();
        if (!rows.equals(wanted)) {
            rows.retainAll(wanted);
            rows.addAll(wanted);
        }
    }
}
