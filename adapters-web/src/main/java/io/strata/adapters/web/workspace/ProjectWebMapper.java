package io.strata.adapters.web.workspace;

import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.TaskStatus;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.InjectionStrategy;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Domain to response for projects, their progress, and a created project with its initial tasks. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR,
        uses = TaskWebMapper.class, injectionStrategy = InjectionStrategy.CONSTRUCTOR)
public interface ProjectWebMapper {

    @Mapping(target = "id", expression = "java(project.id().value())")
    @Mapping(target = "name", expression = "java(project.name())")
    @Mapping(target = "description", expression = "java(project.description())")
    @Mapping(target = "status", expression = "java(project.status())")
    @Mapping(target = "priority", expression = "java(project.priority())")
    @Mapping(target = "ownerId", expression = "java(project.ownerId().value())")
    @Mapping(target = "members", expression = "java(userIds(project.members()))")
    @Mapping(target = "startDate", expression = "java(project.startDate())")
    @Mapping(target = "dueDate", expression = "java(project.dueDate())")
    @Mapping(target = "budget", expression = "java(toResponse(project.budget()))")
    @Mapping(target = "tags", expression = "java(project.tags().values())")
    @Mapping(target = "taskCount", expression = "java(project.taskCount())")
    @Mapping(target = "completion", expression = "java(project.completion())")
    @Mapping(target = "version", expression = "java(project.version())")
    @Mapping(target = "createdAt", expression = "java(project.createdAt())")
    @Mapping(target = "updatedAt", expression = "java(project.updatedAt())")
    ProjectResponse toResponse(Project project);

    BudgetResponse toResponse(Budget budget);

    @Mapping(target = "project", source = "project")
    @Mapping(target = "tasks", source = "tasks")
    ProjectWithTasksResponse toResponse(CreateProjectUseCase.ProjectWithTasks created);

    @Mapping(target = "projectId", expression = "java(progress.projectId().value())")
    @Mapping(target = "byStatus", expression = "java(byStatus(progress.byStatus()))")
    ProjectProgressResponse toResponse(ProjectProgress progress);

    default Set<UUID> userIds(Set<UserId> ids) {
        Set<UUID> out = new LinkedHashSet<>();
        ids.forEach(id -> out.add(id.value()));
        return out;
    }

    /** Every status in declaration order, 0 when the project has no task in it. */
    default Map<String, Long> byStatus(Map<TaskStatus, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TaskStatus status : TaskStatus.values()) {
            out.put(status.name(), counts.getOrDefault(status, 0L));
        }
        return out;
    }
}
