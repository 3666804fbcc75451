package io.strata.adapters.web.workspace;

import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Domain to response for tasks; each field is named (fluent accessors), a new field without a mapping fails the build. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface TaskWebMapper {

    @Mapping(target = "id", expression = "java(task.id().value())")
    @Mapping(target = "projectId", expression = "java(task.projectId().value())")
    @Mapping(target = "title", expression = "java(task.title())")
    @Mapping(target = "description", expression = "java(task.description())")
    @Mapping(target = "status", expression = "java(task.status())")
    @Mapping(target = "priority", expression = "java(task.priority())")
    @Mapping(target = "assigneeId", expression = "java(task.assigneeId() == null ? null : task.assigneeId().value())")
    @Mapping(target = "estimatedHours", expression = "java(task.estimatedHours())")
    @Mapping(target = "actualHours", expression = "java(task.actualHours())")
    @Mapping(target = "dueDate", expression = "java(task.dueDate())")
    @Mapping(target = "tags", expression = "java(task.tags().values())")
    @Mapping(target = "dependsOn", expression = "java(taskIds(task.dependsOn()))")
    @Mapping(target = "completedAt", expression = "java(task.completedAt())")
    @Mapping(target = "version", expression = "java(task.version())")
    @Mapping(target = "createdAt", expression = "java(task.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(task.updatedAt())")
    TaskResponse toResponse(Task task);

    default Set<UUID> taskIds(Set<TaskId> ids) {
        Set<UUID> out = new LinkedHashSet<>();
        ids.forEach(id -> out.add(id.value()));
        return out;
    }
}
