package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.identity.IdentityFixtures;
import io.strata.domain.identity.User;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Effort;
import io.strata.domain.workspace.Priority;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import io.strata.domain.workspace.ProjectStatus;
import io.strata.domain.workspace.Schedule;
import io.strata.domain.workspace.Task;
import io.strata.domain.workspace.TaskId;
import io.strata.domain.workspace.TaskStatus;
import io.strata.domain.workspace.TaskTally;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test data for the workspace context (instants in microseconds, as PostgreSQL stores them). */
final class WorkspaceFixtures {
    static final Instant T0 = Instant.parse("2026-02-01T09:00:00.123456Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");

    private WorkspaceFixtures() {}

    static User user(String name) {
        return IdentityFixtures.activeUser(name + "@example.com", name, T0);
    }

    /** Every field set: members besides the owner, schedule, budget, tags, counters. */
    static Project fullProject(UserId owner, List<UserId> others) {
        Set<UserId> members = new LinkedHashSet<>();
        members.add(owner);
        members.addAll(others);
        return Project.reconstitute(
                ProjectId.newId(),
                "Apollo",
                "Go to the moon.",
                ProjectStatus.ACTIVE,
                Priority.HIGH,
                owner,
                members,
                new Schedule(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-12-31")),
                new Budget(new BigDecimal("1250000.50"), "EUR"),
                Tags.of(Set.of("space", "moon")),
                new TaskTally(7, 3, 0),
                new AuditStamp(0, T0, T0.plusSeconds(60)));
    }

    /** Nullable fields null, only the owner as member, no tags. */
    static Project bareProject(UserId owner) {
        return Project.reconstitute(
                ProjectId.newId(),
                "Bare",
                null,
                ProjectStatus.PLANNING,
                Priority.MEDIUM,
                owner,
                Set.of(owner),
                Schedule.NONE,
                null,
                Tags.none(),
                TaskTally.NONE,
                new AuditStamp(0, T0, T0));
    }

    static Project project(
            String name,
            UserId owner,
            Set<UserId> others,
            ProjectStatus status,
            Priority priority,
            LocalDate start,
            LocalDate due,
            Set<String> tags,
            Instant createdAt) {
        Set<UserId> members = new LinkedHashSet<>();
        members.add(owner);
        members.addAll(others);
        return Project.reconstitute(
                ProjectId.newId(),
                name,
                "About " + name,
                status,
                priority,
                owner,
                members,
                new Schedule(start, due),
                null,
                Tags.of(tags),
                TaskTally.NONE,
                new AuditStamp(0, createdAt, createdAt));
    }

    /** Every field set, including dependencies and (DONE) the completion time. */
    static Task fullTask(ProjectId project, UserId assignee, Set<TaskId> dependsOn) {
        return Task.reconstitute(
                TaskId.newId(),
                project,
                "Build the rocket",
                "Big one.",
                TaskStatus.DONE,
                Priority.CRITICAL,
                assignee,
                new Effort(new BigDecimal("120.50"), new BigDecimal("99.25")),
                LocalDate.parse("2026-06-30"),
                Tags.of(Set.of("hardware", "engines")),
                dependsOn,
                T0.plusSeconds(30),
                new AuditStamp(0, T0, T0.plusSeconds(30)));
    }

    static Task bareTask(ProjectId project) {
        return Task.reconstitute(
                TaskId.newId(),
                project,
                "Bare task",
                null,
                TaskStatus.TODO,
                Priority.MEDIUM,
                null,
                new Effort(null, BigDecimal.ZERO.setScale(2)),
                null,
                Tags.none(),
                Set.of(),
                null,
                new AuditStamp(0, T0, T0));
    }

    static Task task(
            ProjectId project,
            String title,
            TaskStatus status,
            UserId assignee,
            LocalDate due,
            Set<String> tags,
            Set<TaskId> dependsOn,
            BigDecimal estimated,
            BigDecimal actual,
            Instant createdAt) {
        return Task.reconstitute(
                TaskId.newId(),
                project,
                title,
                "About " + title,
                status,
                Priority.MEDIUM,
                assignee,
                new Effort(estimated, actual == null ? BigDecimal.ZERO.setScale(2) : actual),
                due,
                Tags.of(tags),
                dependsOn,
                status == TaskStatus.DONE ? createdAt : null,
                new AuditStamp(0, createdAt, createdAt));
    }

    static Task todo(ProjectId project, String title, Instant createdAt) {
        return task(project, title, TaskStatus.TODO, null, null, Set.of(), Set.of(), null, null, createdAt);
    }
}
