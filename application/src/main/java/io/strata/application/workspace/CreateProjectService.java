package io.strata.application.workspace;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.AsciiNumbers;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.DependencyGraph;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.Schedule;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskTally;
import io.strata.domain.workspace.WorkspaceUsers;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@Singleton
public class CreateProjectService implements CreateProjectUseCase {
    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final WorkspaceUsers users;
    private final Clock clock;

    public CreateProjectService(ProjectRepository projects, TaskRepository tasks, WorkspaceUsers users, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
    }

    /** Validates everything first and reports every problem at once; stores only when all is valid. */
    @Override
    @Transactional
    @Rerunnable
    public ProjectWithTasks create(Command command) {
        WorkspaceAccess.requireContributor(command.actor());
        Instant now = clock.now();
        Clock creation = () -> now; // one creation instant for the project and its counters
        ValidationCollector checks = new ValidationCollector();
        Set<UserId> members = command.members() == null ? Set.of() : new LinkedHashSet<>(command.members());
        Tags tags = checks.check(() -> Tags.of(command.tags()));
        Project project = checks.check(() -> Project.create(
                command.name(),
                command.description(),
                command.priority(),
                command.actor().userId(),
                members,
                new Schedule(command.startDate(), command.dueDate()),
                command.budget(),
                tags == null ? Tags.none() : tags,
                creation));
        if (!members.isEmpty()) {
            Set<UserId> known = users.existing(members);
            List<String> unknown = members.stream()
                    .filter(m -> !known.contains(m))
                    .map(UserId::toString)
                    .toList();
            if (!unknown.isEmpty()) {
                checks.add("members", "unknown user(s): " + String.join(", ", unknown));
            }
        }
        List<NewTask> drafts = command.tasks() == null ? List.of() : command.tasks();
        if (drafts.size() > MAX_INITIAL_TASKS) {
            checks.add("tasks", "at most " + MAX_INITIAL_TASKS + " initial tasks");
        }
        List<Task> created = project == null ? List.of() : createTasks(project, drafts, checks, creation);
        checks.throwIfAny();
        project.recordTaskTally(new TaskTally(created.size(), 0, 0));
        Project stored = projects.add(project);
        return new ProjectWithTasks(stored, created.isEmpty() ? List.of() : tasks.addAll(created));
    }

    private List<Task> createTasks(Project project, List<NewTask> drafts, ValidationCollector checks, Clock creation) {
        List<Task> created = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            NewTask draft = drafts.get(i);
            String prefix = "tasks[" + i + "]";
            if (draft == null) {
                checks.add(prefix, "must be an object");
                created.add(null);
                continue;
            }
            if (draft.key() != null && byKey.putIfAbsent(draft.key(), i) != null) {
                checks.add(prefix + ".key", "'" + draft.key() + "' is used by an earlier task");
            }
            // task i is created i microseconds after the project, so "by createdAt" is the order sent
            Instant at = creation.now().plus(i, ChronoUnit.MICROS);
            created.add(checks.check(
                    prefix,
                    () -> Task.create(
                            project,
                            draft.title(),
                            draft.description(),
                            draft.priority(),
                            draft.assigneeId(),
                            draft.estimatedHours(),
                            draft.dueDate(),
                            Tags.of(draft.tags()),
                            () -> at)));
        }
        linkDependencies(drafts, created, byKey, checks);
        return created;
    }

    /** Resolves dependsOn (a key or a position) and refuses cycles, naming tasks as the client did. */
    private static void linkDependencies(
            List<NewTask> drafts, List<Task> created, Map<String, Integer> byKey, ValidationCollector checks) {
        DependencyGraph graph = new DependencyGraph(Map.of());
        for (int i = 0; i < drafts.size(); i++) {
            NewTask draft = drafts.get(i);
            Task task = created.get(i);
            if (draft == null || draft.dependsOn() == null) {
                continue;
            }
            for (String ref : draft.dependsOn()) {
                String field = "tasks[" + i + "].dependsOn";
                Integer target = resolve(ref, byKey, drafts.size());
                if (target == null) {
                    checks.add(field, "'" + ref + "' is neither the key nor the position of an initial task");
                } else if (target == i) {
                    checks.add(field, "a task cannot depend on itself");
                } else if (task != null && created.get(target) != null) {
                    Task dependency = created.get(target);
                    var cycle = graph.cycleIfAdded(task.id(), dependency.id());
                    if (cycle.isPresent()) {
                        checks.add(
                                field,
                                "creates a cycle: "
                                        + cycle.get().stream()
                                                .map(id -> label(id, drafts, created))
                                                .collect(Collectors.joining(" -> ")));
                    } else if (!task.dependsOn().contains(dependency.id())) {
                        task.dependOn(dependency, graph, task::createdAt); // at the task's own creation instant
                        graph.add(task.id(), dependency.id());
                    }
                }
            }
        }
    }

    private static Integer resolve(String ref, Map<String, Integer> byKey, int size) {
        if (ref == null) {
            return null;
        }
        if (byKey.containsKey(ref)) {
            return byKey.get(ref);
        }
        long position = AsciiNumbers.wholeNumber(ref); // not "+1", nor other scripts' digits ("١")
        return position >= 0 && position < size ? (int) position : null;
    }

    private static String label(TaskId id, List<NewTask> drafts, List<Task> created) {
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i) != null && created.get(i).id().equals(id)) {
                return drafts.get(i).key() != null ? drafts.get(i).key() : "#" + i;
            }
        }
        return id.toString();
    }
}
