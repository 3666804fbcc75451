package io.strata.domain.workspace;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A project: its members (the owner always among them), its schedule and budget, and the tally of its tasks
 * ({@code taskCount}, {@code completion}), which every task change adjusts under a lock on the project, so it
 * stays exact. The tally follows the tasks: it moves the project's version (its ETag) but not its
 * {@code updatedAt}, which says when the project itself was last changed.
 */
public final class Project extends AggregateRoot {
    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;
    public static final int MAX_MEMBERS = 500;

    private final ProjectId id;
    private String name;
    private String description;
    private ProjectStatus status;
    private Priority priority;
    private final UserId ownerId;
    private final Set<UserId> members;
    private Schedule schedule;
    private Budget budget;
    private Tags tags;
    private TaskTally taskTally;
    private AuditStamp stamp;

    private Project(
            ProjectId id,
            String name,
            String description,
            ProjectStatus status,
            Priority priority,
            UserId ownerId,
            Set<UserId> members,
            Schedule schedule,
            Budget budget,
            Tags tags,
            TaskTally taskTally,
            AuditStamp stamp) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.status = status;
        this.priority = priority;
        this.ownerId = ownerId;
        this.members = new LinkedHashSet<>(members);
        this.schedule = schedule == null ? Schedule.NONE : schedule;
        this.budget = budget;
        this.tags = tags == null ? Tags.none() : tags;
        this.taskTally = taskTally == null ? TaskTally.NONE : taskTally;
        this.stamp = stamp;
    }

    /** A new project in PLANNING; the owner is always a member. */
    public static Project create(
            String name,
            String description,
            Priority priority,
            UserId ownerId,
            Collection<UserId> members,
            Schedule schedule,
            Budget budget,
            Tags tags,
            Clock clock) {
        Objects.requireNonNull(ownerId, "ownerId");
        Set<UserId> all = new LinkedHashSet<>();
        all.add(ownerId);
        if (members != null) {
            all.addAll(members);
        }
        if (all.size() > MAX_MEMBERS) {
            throw new ValidationException("members", "at most " + MAX_MEMBERS + " members");
        }
        Instant now = clock.now();
        Project project = new Project(
                ProjectId.newId(),
                Text.required("name", name, NAME_MAX),
                Text.optional("description", description, DESCRIPTION_MAX),
                ProjectStatus.PLANNING,
                priority == null ? Priority.MEDIUM : priority,
                ownerId,
                all,
                schedule,
                budget,
                tags,
                TaskTally.NONE,
                AuditStamp.createdAt(now));
        project.record(new ProjectCreated(project.id, project.name, ownerId, List.copyOf(all), now));
        return project;
    }

    /** Loads a stored project: no validation, no events. */
    public static Project reconstitute(
            ProjectId id,
            String name,
            String description,
            ProjectStatus status,
            Priority priority,
            UserId ownerId,
            Set<UserId> members,
            Schedule schedule,
            Budget budget,
            Tags tags,
            TaskTally taskTally,
            AuditStamp stamp) {
        return new Project(
                id, name, description, status, priority, ownerId, members, schedule, budget, tags, taskTally, stamp);
    }

    public void rename(String name, Clock clock) {
        this.name = Text.required("name", name, NAME_MAX);
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

    public void reschedule(Schedule schedule, Clock clock) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        touch(clock);
    }

    public void changeBudget(Budget budget, Clock clock) {
        this.budget = budget;
        touch(clock);
    }

    public void retag(Tags tags, Clock clock) {
        this.tags = Objects.requireNonNull(tags, "tags");
        touch(clock);
    }

    /** Moves to {@code next}. COMPLETED needs every task DONE or CANCELLED (by the project's tally). */
    public void changeStatus(ProjectStatus next, Clock clock) {
        if (next == null) {
            throw new ValidationException("status", "is required");
        }
        if (next == status) {
            throw new ConflictException("project " + id + " is already " + next);
        }
        if (next == ProjectStatus.COMPLETED && taskTally.open() > 0) {
            throw new ConflictException("project " + id + " cannot be COMPLETED: " + taskTally.open()
                    + " task(s) are neither DONE nor CANCELLED");
        }
        ProjectStatus from = status;
        this.status = next;
        record(new ProjectStatusChanged(id, from, next, touch(clock)));
    }

    /** Throws unless tasks may be added or reopened: a closed project keeps its tasks as they are. */
    public void requireOpenForTaskChanges() {
        if (status.isClosed()) {
            throw new ConflictException("project " + id + " is " + status + "; reopen it to change its tasks");
        }
    }

    public void addMember(UserId userId, Clock clock) {
        Objects.requireNonNull(userId, "userId");
        if (members.contains(userId)) {
            throw new ConflictException("user " + userId + " is already a member of project " + id);
        }
        if (members.size() >= MAX_MEMBERS) {
            throw new ConflictException("project " + id + " already has " + MAX_MEMBERS + " members");
        }
        members.add(userId);
        record(new ProjectMemberAdded(id, userId, touch(clock)));
    }

    /** The owner cannot leave; a member with open assigned tasks must hand them over first. */
    public void removeMember(UserId userId, long openTasksAssigned, Clock clock) {
        if (userId.equals(ownerId)) {
            throw new ConflictException("the owner cannot be removed from project " + id);
        }
        if (!members.contains(userId)) {
            throw new ConflictException("user " + userId + " is not a member of project " + id);
        }
        if (openTasksAssigned > 0) {
            throw new ConflictException("user " + userId + " has " + openTasksAssigned + " open task(s) in project "
                    + id + "; reassign them first");
        }
        members.remove(userId);
        record(new ProjectMemberRemoved(id, userId, touch(clock)));
    }

    /** Sets the tally of the project's tasks as a whole (tasks created with the project, or counted). */
    public void recordTaskTally(TaskTally tally) {
        this.taskTally = Objects.requireNonNull(tally, "tally");
    }

    /** Counts a task added to the project (under its lock). */
    public void countTaskAdded(TaskStatus status) {
        this.taskTally = taskTally.plus(status);
    }

    /** Counts one of the project's tasks moving from {@code from} to {@code to} (under its lock). */
    public void countTaskMoved(TaskStatus from, TaskStatus to) {
        this.taskTally = taskTally.moved(from, to);
    }

    public boolean isMember(UserId userId) {
        return members.contains(userId);
    }

    /** Moves updatedAt to now and returns it (the time of the events recorded with this change). */
    private Instant touch(Clock clock) {
        Instant now = clock.now();
        this.stamp = stamp.touchedAt(now);
        return now;
    }

    public ProjectId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ProjectStatus status() {
        return status;
    }

    public Priority priority() {
        return priority;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public Set<UserId> members() {
        return Collections.unmodifiableSet(members);
    }

    public Schedule schedule() {
        return schedule;
    }

    public Budget budget() {
        return budget;
    }

    public Tags tags() {
        return tags;
    }

    public TaskTally taskTally() {
        return taskTally;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    // shortcuts into the value objects above
    public LocalDate startDate() {
        return schedule.startDate();
    }

    public LocalDate dueDate() {
        return schedule.dueDate();
    }

    public long taskCount() {
        return taskTally.total();
    }

    public int completion() {
        return taskTally.completionPercent();
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
