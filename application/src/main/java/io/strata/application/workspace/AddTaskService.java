package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.DependencyGraph;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@Singleton
public class AddTaskService implements AddTaskUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final Clock clock;

    public AddTaskService(ProjectRepository projects, TaskRepository tasks, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Task addTask(Command command) {
        Project project =
                WorkspaceAccess.visible(command.actor(), projects.lockById(command.projectId()), command.projectId());
        WorkspaceAccess.requireContributor(command.actor());
        Task task = Task.create(
                project,
                command.title(),
                command.description(),
                command.priority(),
                command.assigneeId(),
                command.estimatedHours(),
                command.dueDate(),
                Tags.of(command.tags()),
                clock);
        Set<TaskId> wanted = command.dependsOn() == null ? Set.of() : new LinkedHashSet<>(command.dependsOn());
        if (!wanted.isEmpty()) {
            Map<TaskId, Task> found = tasks.findAllById(wanted).stream()
                    .filter(t -> t.projectId().equals(project.id()))
                    .collect(Collectors.toMap(Task::id, Function.identity()));
            List<String> unknown = wanted.stream()
                    .filter(id -> !found.containsKey(id))
                    .map(TaskId::toString)
                    .toList();
            if (!unknown.isEmpty()) {
                throw new ValidationException(
                        "dependsOn", "no task(s) " + String.join(", ", unknown) + " in this project");
            }
            DependencyGraph graph = tasks.dependencyGraph(project.id());
            for (TaskId id : wanted) {
                task.dependOn(found.get(id), graph, clock);
            }
        }
        Task stored = tasks.addAll(List.of(task)).get(0);
        project.countTaskAdded(stored.status());
        projects.save(project);
        return stored;
    }
}
