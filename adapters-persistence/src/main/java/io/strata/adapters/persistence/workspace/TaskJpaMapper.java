package io.strata.adapters.persistence.workspace;

import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mapstruct.AfterMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link Task} to and from {@link TaskJpaEntity}. Dependencies are copied onto the entity's live
 * collection in place, so that saving inserts and deletes only the rows that changed.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface TaskJpaMapper {

    /** Rebuilds the aggregate with the entity's own (lazily loaded) dependencies. */
    default Task toDomain(TaskJpaEntity entity) {
        return toDomain(entity, entity.getDependencies().stream().map(TaskDependencyJpaEmbeddable::getDependsOnId).toList());
    }

    /** Rebuilds the aggregate with dependencies loaded separately (a page loads them for all its tasks at once). */
    default Task toDomain(TaskJpaEntity entity, Collection<UUID> dependsOn) {
        return Task.reconstitute(new TaskId(entity.getId()), new ProjectId(entity.getProjectId()), entity.getTitle(),
                entity.getDescription(), entity.getStatus(), entity.getPriority(),
                entity.getAssigneeId() == null ? null : new UserId(entity.getAssigneeId()), entity.getEstimatedHours(),
                entity.getActualHours(), entity.getDueDate(), Tags.of(Arrays.asList(entity.getTags())),
                dependsOn.stream().map(TaskId::new).collect(Collectors.toCollection(LinkedHashSet::new)),
                entity.getCompletedAt(), entity.getVersion(), entity.getCreatedAt(), entity.getUpdatedAt());
    }

    @Mapping(target = "id", expression = "java(task.id().value())")
    @Mapping(target = "projectId", expression = "java(task.projectId().value())")
    @Mapping(target = "version", expression = "java(task.version())")
    @Mapping(target = "createdAt", expression = "java(task.createdAt())")
    @Mapping(target = "title", expression = "java(task.title())")
    @Mapping(target = "description", expression = "java(task.description())")
    @Mapping(target = "status", expression = "java(task.status())")
    @Mapping(target = "priority", expression = "java(task.priority())")
    @Mapping(target = "assigneeId", expression = "java(task.assigneeId() == null ? null : task.assigneeId().value())")
    @Mapping(target = "estimatedHours", expression = "java(task.estimatedHours())")
    @Mapping(target = "actualHours", expression = "java(task.actualHours())")
    @Mapping(target = "dueDate", expression = "java(task.dueDate())")
    @Mapping(target = "tags", expression = "java(tagArray(task.tags()))")
    @Mapping(target = "completedAt", expression = "java(task.completedAt())")
    @Mapping(target = "updatedAt", expression = "java(task.updatedAt())")
    @Mapping(target = "dependencies", ignore = true)   // copyDependencies
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
    void copyChanges(Task task, @MappingTarget TaskJpaEntity entity);

    /**
     * Makes the entity's dependency rows those of the task (each carrying the row's project, which never
     * changes), changing the live collection only where they differ.
     */
    @AfterMapping
    default void copyDependencies(Task task, @MappingTarget TaskJpaEntity entity) {
        Set<TaskDependencyJpaEmbeddable> wanted = task.dependsOn().stream()
                .map(id -> new TaskDependencyJpaEmbeddable(id.value(), entity.getProjectId()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<TaskDependencyJpaEmbeddable> rows = entity.getDependencies();
        rows.retainAll(wanted);
        rows.addAll(wanted);
    }

    default String[] tagArray(Tags tags) {
        return tags.values().toArray(String[]::new);
    }
}
