package io.strata.application.workspace;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectRepository;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Schedule;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskRepository;
import io.strata.domain.workspace.TaskStatus;
import io.strata.domain.workspace.TaskTally;
import io.strata.domain.workspace.WorkspaceUsers;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds every sample project and task through {@link Project#create}, {@link Task#create} and their
 * behaviour methods (so the domain checks them like any other) from their indexes alone: members among
 * the run's people, assignees among the members, tasks in every status, and counters recorded from the
 * tasks built with the project, as {@code CreateProjectService} does.
 */
@Singleton
public class SeedProjectsService implements SeedProjectsUseCase {
    private static final Priority[] PRIORITIES = Priority.values();
    private static final String[] NAMES = {
        "Apollo",
        "Borealis",
        "Cobalt",
        "Delta",
        "Ember",
        "Fjord",
        "Granite",
        "Helios",
        "Indigo",
        "Juniper",
        "Keystone",
        "Lumen"
    };
    private static final String[] PROJECT_TAGS = {"internal", "client", "research", "migration", "q1", "q2", "q3", "q4"
    };
    private static final String[] TASK_TITLES = {
        "Write the spec",
        "Review the design",
        "Build the API",
        "Add tests",
        "Fix the login bug",
        "Update the docs",
        "Tune the queries",
        "Ship the release"
    };
    private static final String[] TASK_TAGS = {"backend", "frontend", "bug", "feature", "docs", "infra"};
    /** Task statuses in twentieths: 40% TODO, 20% IN_PROGRESS, 5% BLOCKED, 30% DONE, 5% CANCELLED. */
    private static final TaskStatus[] STATUS_MIX = {
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.TODO,
        TaskStatus.IN_PROGRESS,
        TaskStatus.IN_PROGRESS,
        TaskStatus.IN_PROGRESS,
        TaskStatus.IN_PROGRESS,
        TaskStatus.BLOCKED,
        TaskStatus.DONE,
        TaskStatus.DONE,
        TaskStatus.DONE,
        TaskStatus.DONE,
        TaskStatus.DONE,
        TaskStatus.DONE,
        TaskStatus.CANCELLED
    };

    private final ProjectRepository projects;
    private final TaskRepository tasks;
    private final WorkspaceUsers users;
    private final Clock clock;

    public SeedProjectsService(ProjectRepository projects, TaskRepository tasks, WorkspaceUsers users, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @ReadOnlyTransaction
    public Run start(Start command) {
        command.actor().requireAdmin("seed sample projects");
        if (command.projects() < 0 || command.projects() > MAX_PROJECTS) {
            throw new ValidationException("projects", "must be 0 to " + MAX_PROJECTS);
        }
        if (command.tasksPerProject() < 0 || command.tasksPerProject() > MAX_TASKS_PER_PROJECT) {
            throw new ValidationException("tasksPerProject", "must be 0 to " + MAX_TASKS_PER_PROJECT);
        }
        List<UserId> wanted = command.people() == null
                ? List.of()
                : command.people().stream().distinct().limit(MAX_PEOPLE).toList();
        List<UserId> people = wanted.isEmpty() ? users.sample(MAX_PEOPLE) : existing(wanted);
        if (people.isEmpty() && command.projects() > 0) {
            throw new ValidationException(
                    "projects",
                    "there are no active users to own and work on sample projects; " + "seed users too (--users)");
        }
        Instant now = clock.now();
        Duration spacing = spacing(command.projects(), command.tasksPerProject());
        return new Run(
                Long.toString(now.toEpochMilli(), 36),
                command.projects(),
                command.tasksPerProject(),
                people,
                now.minus(spacing.multipliedBy(Math.max(1, command.projects()))),
                spacing,
                now);
    }

    private List<UserId> existing(List<UserId> wanted) {
        Set<UserId> known = users.existing(wanted);
        return wanted.stream().filter(known::contains).toList();
    }

    @Override
    @Transactional
    public Batch seed(Command command) {
        command.actor().requireAdmin("seed sample projects");
        Run run = command.run();
        if (run.people().isEmpty() || run.tasksPerProject() < 0 || run.tasksPerProject() > MAX_TASKS_PER_PROJECT) {
            throw new ValidationException("run", "is not one that start(...) prepared");
        }
        long rows = (long) command.count() * (1 + run.tasksPerProject());
        if (command.count() < 1 || command.count() > 1 && rows > MAX_BATCH_ROWS) {
            throw new ValidationException(
                    "count", "a batch holds 1 project, or up to " + MAX_BATCH_ROWS + " projects and tasks together");
        }
        if (command.from() < 0 || command.from() + command.count() > run.projects()) {
            throw new ValidationException(
                    "from",
                    "projects " + command.from() + ".." + (command.from() + command.count() - 1)
                            + " are outside the run of " + run.projects());
        }
        List<Project> batch = new ArrayList<>(command.count());
        List<Task> batchTasks = new ArrayList<>(command.count() * run.tasksPerProject());
        for (long n = command.from(); n < command.from() + command.count(); n++) {
            batch.add(sampleProject(run, n, batchTasks));
        }
        projects.addAll(batch);
        tasks.addAll(batchTasks);
        return new Batch(batch.size(), batchTasks.size());
    }

    /** Project {@code n} of the run with its tasks (added to {@code taskSink}), its status and counters. */
    private static Project sampleProject(Run run, long n, List<Task> taskSink) {
        Instant createdAt = run.firstCreatedAt().plus(run.spacing().multipliedBy(n));
        List<UserId> people = run.people();
        int size = people.size();
        UserId owner = people.get((int) ((n * 31) % size));
        Set<UserId> members = new LinkedHashSet<>();
        for (int m = 0; m < Math.min(size - 1, 1 + n % 4); m++) {
            members.add(people.get((int) ((n * 31 + 1 + m * 7L) % size)));
        }
        LocalDate start = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        Budget budget = n % 3 == 0 ? new Budget(BigDecimal.valueOf(10_000 + (n % 50) * 1_000), "EUR") : null;
        Project project = Project.create(
                pick(NAMES, n) + " " + (n + 1),
                "Sample project (run " + run.token() + ")",
                PRIORITIES[(int) (n % PRIORITIES.length)],
                owner,
                members,
                new Schedule(start, start.plusDays(30 + n % 90)),
                budget,
                Tags.of(List.of(pick(PROJECT_TAGS, n), pick(PROJECT_TAGS, n / 8))),
                () -> createdAt);
        List<UserId> team = List.copyOf(project.members());
        Instant lastChange = createdAt;
        long done = 0;
        long cancelled = 0;
        for (int t = 0; t < run.tasksPerProject(); t++) {
            // task t is created t microseconds after its project, so "by createdAt" is the order built
            Instant taskCreated = createdAt.plus(t, ChronoUnit.MICROS);
            Task task = Task.create(
                    project,
                    pick(TASK_TITLES, t),
                    null,
                    PRIORITIES[(int) ((n + t) % PRIORITIES.length)],
                    t % 5 == 4 ? null : team.get(t % team.size()),
                    BigDecimal.valueOf(1 + (n + t) % 16),
                    start.plusDays(1 + t % 60),
                    Tags.of(List.of(pick(TASK_TAGS, n + t))),
                    () -> taskCreated);
            TaskStatus status = STATUS_MIX[(int) ((n * 13 + t * 7L) % STATUS_MIX.length)];
            if (status != TaskStatus.TODO) {
                Instant changed = later(taskCreated, Duration.ofHours(1 + t % 48), run.end());
                if (status == TaskStatus.DONE) {
                    task.logHours(task.estimatedHours(), () -> changed);
                    done++;
                } else if (status == TaskStatus.CANCELLED) {
                    cancelled++;
                }
                task.changeStatus(project, status, List.of(), List.of(), () -> changed);
                lastChange = changed.isAfter(lastChange) ? changed : lastChange;
            }
            taskSink.add(task);
        }
        TaskTally tally = new TaskTally(run.tasksPerProject(), done, cancelled);
        ProjectStatus status = tally.total() > 0 && tally.open() == 0
                ? ProjectStatus.COMPLETED
                : n % 10 == 0 ? ProjectStatus.PLANNING : n % 10 == 9 ? ProjectStatus.ON_HOLD : ProjectStatus.ACTIVE;
        Instant settled = lastChange;
        project.recordTaskTally(tally);
        if (status != ProjectStatus.PLANNING) {
            project.changeStatus(status, () -> settled);
        }
        return project;
    }

    /** {@code at + delay}, but never after the end of the run nor before {@code at}. */
    private static Instant later(Instant at, Duration delay, Instant end) {
        Instant wanted = at.plus(delay);
        return wanted.isAfter(end) ? (end.isAfter(at) ? end : at) : wanted;
    }

    private static String pick(String[] values, long k) {
        return values[(int) (k % values.length)];
    }

    /** Projects spread over the past {@value #SPREAD_DAYS} days, far enough apart for their tasks' microseconds. */
    private static Duration spacing(long projects, int tasksPerProject) {
        long micros = ChronoUnit.DAYS.getDuration().multipliedBy(SPREAD_DAYS).toNanos() / 1_000 / Math.max(1, projects);
        return Duration.of(Math.max(tasksPerProject + 1L, micros), ChronoUnit.MICROS);
    }
}
