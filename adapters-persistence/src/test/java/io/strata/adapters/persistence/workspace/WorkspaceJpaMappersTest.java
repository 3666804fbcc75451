package io.strata.adapters.persistence.workspace;

import static io.strata.adapters.persistence.workspace.WorkspaceFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain is the same object, field by field, for both workspace mappers. */
class WorkspaceJpaMappersTest {
    private final ProjectJpaMapper projects = new ProjectJpaMapperImpl();
    private final TaskJpaMapper tasks = new TaskJpaMapperImpl();

    @Test
    void projectRoundTripKeepsEveryField() {
        UserId owner = UserId.newId();
        Project project = WorkspaceFixtures.fullProject(owner, List.of(UserId.newId(), UserId.newId()));
        ProjectJpaEntity entity = projects.toEntity(project);
        assertThat(entity.getMembers()).hasSize(3).contains(owner.value());
        assertThat(entity.getBudgetAmount()).isEqualByComparingTo("1250000.50");
        assertThat(entity.getBudgetCurrency()).isEqualTo("EUR");
        Project back = projects.toDomain(entity);
        assertSameState(back, project);
        assertThat(back.budget()).isEqualTo(new Budget(new BigDecimal("1250000.5"), "EUR"));
        assertThat(back.tags().values()).containsExactly("moon", "space");
    }

    @Test
    void bareProjectRoundTripKeepsNulls() {
        Project project = WorkspaceFixtures.bareProject(UserId.newId());
        ProjectJpaEntity entity = projects.toEntity(project);
        assertThat(entity.getBudgetAmount()).isNull();
        assertThat(entity.getBudgetCurrency()).isNull();
        assertSameState(projects.toDomain(entity), project);
    }

    @Test
    void membersLoadedSeparatelyGiveTheSameProject() {
        Project project = WorkspaceFixtures.fullProject(UserId.newId(), List.of(UserId.newId()));
        ProjectJpaEntity entity = projects.toEntity(project);
        List<UUID> members = project.members().stream().map(UserId::value).toList();
        assertSameState(projects.toDomain(entity, members), project);
    }

    @Test
    void projectChangesAreCopiedInPlaceLeavingIdentityOwnerAndVersionAlone() {
        UserId owner = UserId.newId();
        UserId leaving = UserId.newId();
        UserId joining = UserId.newId();
        Project project = WorkspaceFixtures.fullProject(owner, List.of(leaving));
        ProjectJpaEntity entity = projects.toEntity(project);
        entity.setVersion(4);
        Set<UUID> live = entity.getMembers();

        Project changed = Project.reconstitute(
                project.id(),
                "Artemis",
                null,
                ProjectStatus.ON_HOLD,
                Priority.LOW,
                UserId.newId(),
                Set.of(owner, joining),
                new Schedule(null, LocalDate.parse("2027-01-01")),
                null,
                Tags.of(Set.of("moon")),
                new TaskTally(9, 4, 1),
                new AuditStamp(99, T0.plusSeconds(1), T0.plusSeconds(600)));
        projects.copyChanges(changed, entity);

        assertThat(entity.getMembers())
                .as("the same (Hibernate) collection, changed in place")
                .isSameAs(live)
                .containsExactlyInAnyOrder(owner.value(), joining.value());
        assertThat(entity.getId()).isEqualTo(project.id().value());
        assertThat(entity.getOwnerId()).as("the owner never changes").isEqualTo(owner.value());
        assertThat(entity.getVersion()).as("version belongs to Hibernate").isEqualTo(4);
        assertThat(entity.getCreatedAt()).isEqualTo(project.createdAt());
        assertThat(entity.getName()).isEqualTo("Artemis");
        assertThat(entity.getDescription()).isNull();
        assertThat(entity.getStatus()).isEqualTo(ProjectStatus.ON_HOLD);
        assertThat(entity.getStartDate()).isNull();
        assertThat(entity.getBudgetAmount()).isNull();
        assertThat(entity.getBudgetCurrency()).isNull();
        assertThat(entity.getTags()).containsExactly("moon");
        assertThat(entity.getTaskCount()).isEqualTo(9);
        assertThat(entity.getCompletion()).isEqualTo(50);
        assertThat(entity.getUpdatedAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void taskRoundTripKeepsEveryField() {
        ProjectId project = ProjectId.newId();
        Task task = WorkspaceFixtures.fullTask(project, UserId.newId(), Set.of(TaskId.newId(), TaskId.newId()));
        TaskJpaEntity entity = tasks.toEntity(task);
        assertThat(entity.getDependencies())
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.getProjectId()).isEqualTo(project.value()));
        assertSameState(tasks.toDomain(entity), task);
    }

    @Test
    void bareTaskRoundTripKeepsNulls() {
        Task task = WorkspaceFixtures.bareTask(ProjectId.newId());
        TaskJpaEntity entity = tasks.toEntity(task);
        assertThat(entity.getAssigneeId()).isNull();
        assertThat(entity.getDependencies()).isEmpty();
        assertSameState(tasks.toDomain(entity), task);
        assertSameState(tasks.toDomain(entity, List.of()), task);
    }

    @Test
    void taskChangesAreCopiedInPlaceLeavingIdentityProjectAndVersionAlone() {
        ProjectId project = ProjectId.newId();
        TaskId kept = TaskId.newId();
        TaskId dropped = TaskId.newId();
        TaskId added = TaskId.newId();
        Task task = WorkspaceFixtures.fullTask(project, UserId.newId(), Set.of(kept, dropped));
        TaskJpaEntity entity = tasks.toEntity(task);
        entity.setVersion(2);
        var live = entity.getDependencies();

        Task changed = Task.reconstitute(
                task.id(),
                ProjectId.newId(),
                "Test the rocket",
                null,
                TaskStatus.IN_PROGRESS,
                Priority.LOW,
                null,
                new Effort(null, new BigDecimal("100.00")),
                null,
                Tags.none(),
                Set.of(kept, added),
                null,
                new AuditStamp(7, T0.plusSeconds(5), T0.plusSeconds(700)));
        tasks.copyChanges(changed, entity);

        assertThat(entity.getDependencies())
                .isSameAs(live)
                .extracting(TaskDependencyJpaEmbeddable::getDependsOnId)
                .containsExactlyInAnyOrder(kept.value(), added.value());
        assertThat(entity.getDependencies())
                .allSatisfy(d -> assertThat(d.getProjectId()).isEqualTo(project.value()))
                .as("a task never moves: its rows keep the loaded project");
        assertThat(entity.getProjectId()).isEqualTo(project.value());
        assertThat(entity.getVersion()).isEqualTo(2);
        assertThat(entity.getCreatedAt()).isEqualTo(task.createdAt());
        assertThat(entity.getTitle()).isEqualTo("Test the rocket");
        assertThat(entity.getStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(entity.getCompletedAt()).isNull();
        assertThat(entity.getAssigneeId()).isNull();
        assertThat(entity.getEstimatedHours()).isNull();
        assertThat(entity.getActualHours()).isEqualByComparingTo("100");
        assertThat(entity.getUpdatedAt()).isEqualTo(T0.plusSeconds(700));
    }

    /**
     * Field-by-field through reflection, so a field added later is compared too. Members and dependencies
     * are sets: the database returns them ordered by id, not in insertion order.
     */
    static void assertSameState(Object actual, Object expected) {
        assertThat(actual)
                .usingRecursiveComparison()
                .ignoringFields("events")
                .ignoringCollectionOrderInFields("members", "dependsOn")
                .isEqualTo(expected);
    }
}
