package io.strata.domain.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Which workspace changes record which events: each real change one event, a change to the same value none. */
class WorkspaceEventsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T10:00:00Z"));
    private final Clock clock = now::get;
    private final UserId owner = UserId.newId();
    private final UserId member = UserId.newId();
    private final UserId other = UserId.newId();

    private Instant tick() {
        now.set(now.get().plusSeconds(1));
        return now.get();
    }

    @Test
    void aProjectRecordsItsCreationStatusAndMembers() {
        Instant created = now.get();
        Project project =
                Project.create(" Apollo ", null, null, owner, List.of(member), Schedule.NONE, null, Tags.none(), clock);
        ProjectId id = project.id();
        Instant t1 = tick();
        project.changeStatus(ProjectStatus.ACTIVE, clock);
        project.addMember(other, clock);
        Instant t2 = tick();
        project.removeMember(other, 0, clock);
        project.rename("Artemis", clock);
        project.reschedule(Schedule.NONE, clock);
        project.recordTaskTally(new TaskTally(3, 1, 0));
        assertThat(project.pullEvents())
                .containsExactly(
                        new ProjectCreated(id, "Apollo", owner, List.of(owner, member), created),
                        new ProjectStatusChanged(id, ProjectStatus.PLANNING, ProjectStatus.ACTIVE, t1),
                        new ProjectMemberAdded(id, other, t1),
                        new ProjectMemberRemoved(id, other, t2));
    }

    @Test
    void aTaskRecordsItsCreationAssigneeAndStatus() {
        Project project =
                Project.create("Apollo", null, null, owner, List.of(member), Schedule.NONE, null, Tags.none(), clock);
        Instant created = now.get();
        Task task = Task.create(project, " Build ", null, null, member, BigDecimal.ONE, null, Tags.none(), clock);
        TaskId id = task.id();
        Instant t1 = tick();
        task.assign(project, member, clock);
        task.assign(project, owner, clock);
        task.changeStatus(project, TaskStatus.IN_PROGRESS, List.of(), List.of(), clock);
        Instant t2 = tick();
        task.assign(project, null, clock);
        task.logHours(BigDecimal.ONE, clock);
        task.rename("Ship", clock);
        assertThat(task.pullEvents())
                .containsExactly(
                        new TaskCreated(id, project.id(), "Build", member, created),
                        new TaskAssigneeChanged(id, project.id(), member, owner, t1),
                        new TaskStatusChanged(id, project.id(), TaskStatus.TODO, TaskStatus.IN_PROGRESS, t1),
                        new TaskAssigneeChanged(id, project.id(), owner, null, t2));
    }
}
