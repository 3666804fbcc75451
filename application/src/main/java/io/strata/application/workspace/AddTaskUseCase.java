package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Adds a task to an open project (any non-GUEST member); dependencies are tasks of the same project. */
@UseCase
public interface AddTaskUseCase {
    Task addTask(Command command);

    record Command(
            Actor actor,
            ProjectId projectId,
            String title,
            String description,
            Priority priority,
            UserId assigneeId,
            BigDecimal estimatedHours,
            LocalDate dueDate,
            Set<String> tags,
            List<TaskId> dependsOn) {}
}
