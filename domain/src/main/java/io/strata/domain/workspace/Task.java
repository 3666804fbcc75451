package io.strata.domain.workspace;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.shared.value.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A task of one project. Its assignee is a member of that project; its dependencies are tasks of the
 * same project that never form a cycle; it cannot be DONE while a dependency is open, and a resolved
 * task cannot be reopened while a DONE task depends on it.
 */
public final class Task extends AggregateRoot {
    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int MAX_DEPENDENCIES = 100;

    private final TaskId id;
    private final ProjectId projectId;
    private String title;
    private String description;
    private TaskStatus status;
    private Priority priority;
    private UserId assigneeId;
    private Effort effort;
    private LocalDate dueDate;
    private Tags tags;
    private final Set<TaskId> dependsOn;
    private Instant completedAt;
    private AuditStamp stamp;

    private Task(
            TaskId id,
            ProjectId projectId,
            String title,
            String description,
            TaskStatus status,
            Priority priority,
            UserId assigneeId,
            Effort effort,
            LocalDate dueDate,
            Tags tags,
            Set<TaskId> dependsOn,
            Instant completedAt,
            AuditStamp stamp) {
        this.id = id;
        this.projectId = projectId;
        this.title = title;
        this.description = description;
        this.status = status;
        this.priority = priority;
        this.assigneeId = assigneeId;
        this.effort = effort == null ? new Effort(null, null) : effort;
        this.dueDate = dueDate;
        this.tags = tags == null ? Tags.none() : tags;
        this.dependsOn = new LinkedHashSet<>(dependsOn == null ? Set.of() : dependsOn);
        this.completedAt = completedAt;
        this.stamp = stamp;
    }

    /** A new TODO task in an open project; the assignee (if any) must be a member. */
    public static Task create(
            Project project,
            String title,
            String description,
            Priority priority,
            UserId assigneeId,
            BigDecimal estimatedHours,
            LocalDate dueDate,
            Tags tags,
            Clock clock) {
        project.requireOpenForTaskChanges();
        checkAssignee(project, assigneeId);
        Instant now = clock.now();
        Task task = new Task(
                TaskId.newId(),
                project.id(),
                Text.required("title", title, TITLE_MAX),
                Text.optional("description", description, DESCRIPTION_MAX),
                TaskStatus.TODO,
                priority == null ? Priority.MEDIUM : priority,
                assigneeId,
                Effort.estimated(estimatedHours),
                Storable.date("dueDate", dueDate),
                tags,
                Set.of(),
                null,
                AuditStamp.createdAt(now));
        task.record(new TaskCreated(task.id, task.projectId, task.title, assigneeId, now));
        return task;
    }

    /** Loads a stored task: no validation, no events. */
    public static Task reconstitute(
            TaskId id,
            ProjectId projectId,
            String title,
            String description,
            TaskStatus status,
            Priority priority,
            UserId assigneeId,
            Effort effort,
            LocalDate dueDate,
            Tags tags,
            Set<TaskId> dependsOn,
            Instant completedAt,
            AuditStamp stamp) {
        return new Task(
                id,
                projectId,
                title,
                description,
                status,
                priority,
                assigneeId,
                effort,
                dueDate,
                tags,
                dependsOn,
                completedAt,
                stamp);
    }

    public void rename(String title, Clock clock) {
        this.title = Text.required("title", title, TITLE_MAX);
        touch(clock);
    }

    public void describe(String description, Clock clock) {
        this.description = Text.optional("description", description, DESCRIPTION_MAX);
        touch(clock);
    }

    public void prioritize(Priority priority, Clock clock) {
        this.priority = ValidationException.requireValue("priority", priority);
        touch(clock);
    }

    public void estimate(BigDecimal hours, Clock clock) {
        this.effort = effort.reestimated(hours);
        touch(clock);
    }

    public void reschedule(LocalDate dueDate, Clock clock) {
        this.dueDate = Storable.date("dueDate", dueDate);
        touch(clock);
    }

    public void retag(Tags tags, Clock clock) {
        this.tags = Objects.requireNonNull(tags, "tags");
        touch(clock);
    }

    /** Assigns to a member of the task's project, or unassigns with null. */
    public void assign(Project project, UserId assignee, Clock clock) {
        requireSameProject(project);
        checkAssignee(project, assignee);
        UserId from = assigneeId;
        this.assigneeId = assignee;
        Instant now = touch(clock);
        if (!Objects.equals(from, assignee)) {
            record(new TaskAssigneeChanged(id, projectId, from, assignee, now));
        }
    }

    /** Adds worked hours (more than 0, at most 1000 at once). */
    public void logHours(BigDecimal hours, Clock clock) {
        this.effort = effort.plusWorked(hours);
        touch(clock);
    }

    /**
     * Moves to {@code next}. DONE needs every dependency resolved ({@code dependencies} are the tasks
     * this one depends on); reopening a resolved task needs no DONE task depending on it
     * ({@code doneDependents}); a closed project's tasks cannot move to an open status.
     */
    public void changeStatus(
            Project project,
            TaskStatus next,
            Collection<Task> dependencies,
            Collection<TaskId> doneDependents,
            Clock clock) {
        requireSameProject(project);
        if (next == null) {
            throw new ValidationException("status", "is required");
        }
        if (next == status) {
            throw new ConflictException("task " + id + " is already " + next);
        }
        if (next.isOpen()) {
            project.requireOpenForTaskChanges();
        }
        if (next == TaskStatus.DONE) {
            List<String> open = dependencies.stream()
                    .filter(d -> dependsOn.contains(d.id()) && d.status().isOpen())
                    .map(d -> d.id() + " (" + d.status() + ")")
                    .toList();
            if (!open.isEmpty()) {
                throw new ConflictException(
                        "task " + id + " cannot be DONE while its dependencies are open: " + String.join(", ", open));
            }
        }
        if (!status.isOpen() && next.isOpen() && !doneDependents.isEmpty()) {
            throw new ConflictException("task " + id + " cannot be reopened while DONE tasks depend on it: "
                    + doneDependents.stream().map(TaskId::toString).collect(Collectors.joining(", ")));
        }
        TaskStatus from = status;
        Instant now = touch(clock);
        this.status = next;
        this.completedAt = next == TaskStatus.DONE ? now : null;
        record(new TaskStatusChanged(id, projectId, from, next, now));
    }

    /**
     * Makes this task depend on {@code other}: same project, not itself, no cycle in {@code graph}
     * (all dependencies of the project), and a DONE task may only depend on resolved tasks.
     */
    public void dependOn(Task other, DependencyGraph graph, Clock clock) {
        if (!other.projectId.equals(projectId)) {
            throw new ConflictException(
                    "task " + other.id + " belongs to another project; dependencies stay inside one project");
        }
        if (other.id.equals(id)) {
            throw new ConflictException("task " + id + " cannot depend on itself");
        }
        if (dependsOn.contains(other.id)) {
            throw new ConflictException("task " + id + " already depends on " + other.id);
        }
        if (dependsOn.size() >= MAX_DEPENDENCIES) {
            throw new ConflictException("task " + id + " already has " + MAX_DEPENDENCIES + " dependencies");
        }
        graph.cycleIfAdded(id, other.id).ifPresent(cycle -> {
            throw new ConflictException("dependency would create a cycle: "
                    + cycle.stream().map(TaskId::toString).collect(Collectors.joining(" -> ")));
        });
        if (status == TaskStatus.DONE && other.status.isOpen()) {
            throw new ConflictException("DONE task " + id + " cannot depend on open task " + other.id);
        }
        dependsOn.add(other.id);
        touch(clock);
    }

    public void dropDependency(TaskId other, Clock clock) {
        if (!dependsOn.remove(other)) {
            throw new ConflictException("task " + id + " does not depend on " + other);
        }
        touch(clock);
    }

    public boolean isOverdue(LocalDate today) {
        return dueDate != null && status.isOpen() && dueDate.isBefore(today);
    }

    private void requireSameProject(Project project) {
        if (!project.id().equals(projectId)) {
            throw new IllegalArgumentException("task " + id + " is not in project " + project.id());
        }
    }

    private static void checkAssignee(Project project, UserId assignee) {
        if (assignee != null && !project.isMember(assignee)) {
            throw new ValidationException(
                    "assigneeId", "user " + assignee + " is not a member of project " + project.id());
        }
    }

    /** Moves updatedAt to now and returns it (the time of the events recorded with this change). */
    private Instant touch(Clock clock) {
        Instant now = clock.now();
        this.stamp = stamp.touchedAt(now);
        return now;
    }

    public TaskId id() {
        return id;
    }

    public ProjectId projectId() {
        return projectId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public TaskStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public UserId assigneeId() {
        return assigneeId;
    }

    public Effort effort() {
        return effort;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Tags tags() {
        return tags;
    }

    public Set<TaskId> dependsOn() {
        return Collections.unmodifiableSet(dependsOn);
    }

    public Instant completedAt() {
        return completedAt;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    // shortcuts into the value objects above
    public BigDecimal estimatedHours() {
        return effort.estimatedHours();
    }

    public BigDecimal actualHours() {
        return effort.actualHours();
    }

    public long version() {
        return stamp.version();
    }

    public Instant createdAt() {
        return stamp.createdAt();
    }

    public Instant updatedAt() {
        return stamp.updatedAt();
    }
}
