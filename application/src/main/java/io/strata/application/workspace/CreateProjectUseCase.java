package io.strata.application.workspace;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.Task;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Creates a project with its initial tasks in one transaction: all or nothing. Every invalid task is
 * reported at once ({@code tasks[i].field}). Initial tasks refer to each other in {@code dependsOn}
 * by their client {@code key} or by their position ("0", "1", ...).
 */
@UseCase
public interface CreateProjectUseCase {
    int MAX_INITIAL_TASKS = 500;

    ProjectWithTasks create(Command command);

    record Command(
            Actor actor,
            String name,
            String description,
            Priority priority,
            Set<UserId> members,
            LocalDate startDate,
            LocalDate dueDate,
            Budget budget,
            Set<String> tags,
            List<NewTask> tasks) {}

    record NewTask(
            String key,
            String title,
            String description,
            Priority priority,
            UserId assigneeId,
            BigDecimal estimatedHours,
            LocalDate dueDate,
            Set<String> tags,
            List<String> dependsOn) {}

    record ProjectWithTasks(Project project, List<Task> tasks) {}
}
