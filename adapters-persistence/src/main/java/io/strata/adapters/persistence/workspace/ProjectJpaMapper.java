package io.strata.adapters.persistence.workspace;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.Schedule;
import io.strata.domain.workspace.TaskTally;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.mapstruct.AfterMapping;
import org.mapstruct.BeanMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link Project} to and from {@link ProjectJpaEntity}. Members are copied onto the entity's live
 * collection in place, so that saving writes only the rows that changed.
 */
@Mapper(config = JpaMapperConfig.class)
interface ProjectJpaMapper extends KernelJpaMappings, WorkspaceJpaMappings {

    /** Rebuilds the aggregate with the entity's own (lazily loaded) members. */
    default Project toDomain(ProjectJpaEntity row) {
        return toDomain(row, row.getMembers());
    }

    /**
     * Rebuilds the aggregate through {@link Project#reconstitute} (no validation, no events), with
     * members loaded separately (a page loads them for all its projects at once).
     */
    default Project toDomain(ProjectJpaEntity row, Collection<UUID> members) {
        return Project.reconstitute(
                projectId(row.getId()),
                row.getName(),
                row.getDescription(),
                row.getStatus(),
                row.getPriority(),
                userId(row.getOwnerId()),
                userIds(members),
                schedule(row),
                budget(row),
                tags(row.getTags()),
                taskTally(row),
                stamp(row));
    }

    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // two columns of the row
    Schedule schedule(ProjectJpaEntity row);

    /** The stored {@code completion}: derived from the tally, kept in the row for reads. */
    default int completion(TaskTally tally) {
        return tally.completionPercent();
    }

    /** The three counters of the row ({@code completion} is derived from them). */
    default TaskTally taskTally(ProjectJpaEntity row) {
        return new TaskTally(row.getTaskCount(), row.getDoneTaskCount(), row.getCancelledTaskCount());
    }

    /** No budget unless both columns are set (the table's CHECK keeps them together). */
    default Budget budget(ProjectJpaEntity row) {
        return row.getBudgetAmount() == null || row.getBudgetCurrency() == null
                ? null
                : new Budget(row.getBudgetAmount(), row.getBudgetCurrency());
    }

    Set<UserId> userIds(Collection<UUID> ids);

    @Mapping(target = "version", source = "stamp.version")
    @Mapping(target = "createdAt", source = "stamp.createdAt")
    @Mapping(target = "updatedAt", source = "stamp.updatedAt")
    @Mapping(target = "startDate", source = "schedule.startDate")
    @Mapping(target = "dueDate", source = "schedule.dueDate")
    @Mapping(target = "budgetAmount", source = "budget.amount")
    @Mapping(target = "budgetCurrency", source = "budget.currency")
    @Mapping(target = "taskCount", source = "taskTally.total")
    @Mapping(target = "doneTaskCount", source = "taskTally.done")
    @Mapping(target = "cancelledTaskCount", source = "taskTally.cancelled")
    @Mapping(target = "completion", source = "taskTally")
    @Mapping(target = "members", ignore = true)
    @BeanMapping(ignoreUnmappedSourceProperties = "members") // copyMembers
    ProjectJpaEntity toEntity(Project project);

    /**
     * Copies the mutable state onto a loaded row. Identity, owner, creation time and the version
     * (owned by Hibernate's optimistic lock) are left alone.
     */
    @InheritConfiguration(name = "toEntity")
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "ownerId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @BeanMapping(unmappedSourcePolicy = ReportingPolicy.IGNORE) // what stays: toEntity checks every property
    void copyChanges(Project project, @MappingTarget ProjectJpaEntity entity);

    /**
     * Makes the entity's members those of the project, changing the live collection only where they differ. A loop,
     * not a stream: this runs on every change of a project (1.4% of a PATCH's CPU as a stream, in a profile).
     */
    @AfterMapping
    default void copyMembers(Project project, @MappingTarget ProjectJpaEntity entity) {
        Set<UUID> wanted = new LinkedHashSet<>();
        for (UserId member : project.members()) {
            wanted.add(member.value());
        }
        Set<UUID> members = entity.getMembers();
        if (!members.equals(wanted)) {
            members.retainAll(wanted);
            members.addAll(wanted);
        }
    }
}
