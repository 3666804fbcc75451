package io.strata.adapters.web.workspace;

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
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Workspace domain objects with every field set to a distinct value, for the mappers' tests. */
final class WorkspaceFixtures {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");
    static final UserId OWNER = new UserId(UUID.randomUUID());
    static final UserId MEMBER = new UserId(UUID.randomUUID());

    private WorkspaceFixtures() {}

    static Project project() {
        return Project.reconstitute(
                new ProjectId(UUID.randomUUID()),
                "Relaunch",
                "The new website",
                ProjectStatus.ACTIVE,
                Priority.HIGH,
                OWNER,
                new LinkedHashSet<>(List.of(OWNER, MEMBER)),
                new Schedule(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-06-30")),
                new Budget(new BigDecimal("12500.5"), "EUR"),
                Tags.of(Set.of("web", "2026")),
                new TaskTally(4, 1, 0),
                new AuditStamp(3, T0, T0.plusSeconds(1)));
    }

    static Project bareProject() {
        return Project.reconstitute(
                new ProjectId(UUID.randomUUID()),
                "Bare",
                null,
                ProjectStatus.PLANNING,
                Priority.MEDIUM,
                OWNER,
                Set.of(OWNER),
                Schedule.NONE,
                null,
                null,
                TaskTally.NONE,
                new AuditStamp(0, T0, T0));
    }

    static Task task(ProjectId projectId) {
        return Task.reconstitute(
                new TaskId(UUID.randomUUID()),
                projectId,
                "Design",
                "Draft the design",
                TaskStatus.DONE,
                Priority.CRITICAL,
                MEMBER,
                new Effort(new BigDecimal("8.50"), new BigDecimal("9.25")),
                LocalDate.parse("2026-03-15"),
                Tags.of(Set.of("ux")),
                Set.of(new TaskId(UUID.randomUUID())),
                T0.plusSeconds(2),
                new AuditStamp(2, T0, T0.plusSeconds(3)));
    }

    static Task bareTask(ProjectId projectId) {
        return Task.reconstitute(
                new TaskId(UUID.randomUUID()),
                projectId,
                "Bare",
                null,
                TaskStatus.TODO,
                Priority.MEDIUM,
                null,
                new Effort(null, null),
                null,
                null,
                null,
                null,
                new AuditStamp(0, T0, T0));
    }

    /** Every component of a response record must be set (nothing silently dropped). */
    static void assertEveryComponentSet(Record response) {
        for (RecordComponent component : response.getClass().getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(response) == null) {
                    throw new AssertionError(
                            response.getClass().getSimpleName() + "." + component.getName() + " was not mapped");
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }
}
