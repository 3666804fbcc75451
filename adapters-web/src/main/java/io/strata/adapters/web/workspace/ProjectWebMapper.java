package io.strata.adapters.web.workspace;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.application.workspace.CreateProjectUseCase;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectProgress;
import io.strata.domain.workspace.TaskStatus;
import io.strata.domain.workspace.TaskTally;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Domain to response for projects, their progress, and a created project with its initial tasks. */
@Mapper(
        config = WebMapperConfig.class,
        uses = {WorkspaceWebMappings.class, TaskWebMapper.class})
public interface ProjectWebMapper {

    @Mapping(target = "startDate", source = "schedule.startDate")
    @Mapping(target = "dueDate", source = "schedule.dueDate")
    @Mapping(target = "taskCount", source = "taskTally.total")
    @Mapping(target = "completion", source = "taskTally")
    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    ProjectResponse toResponse(Project project);

    BudgetResponse toResponse(Budget budget);

    ProjectWithTasksResponse toResponse(CreateProjectUseCase.ProjectWithTasks created);

    ProjectProgressResponse toResponse(ProjectProgress progress);

    /** Percent of DONE among the tasks not CANCELLED, from the project's tally. */
    default int completion(TaskTally tally) {
        return tally.completionPercent();
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
