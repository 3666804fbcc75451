package io.strata.adapters.persistence.workspace;

import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Project;
import io.strata.domain.workspace.ProjectId;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mapstruct.AfterMapping;
import org.mapstruct.InheritConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;
import org.mapstruct.ReportingPolicy;

/**
 * {@link Project} to and from {@link ProjectJpaEntity}. Members are copied onto the entity's live
 * collection in place, so that saving writes only the rows that changed.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ProjectJpaMapper {

    /** Rebuilds the aggregate with the entity's own (lazily loaded) members. */
    default Project toDomain(ProjectJpaEntity entity) {
        return toDomain(entity, entity.getMembers());
    }

    /** Rebuilds the aggregate with members loaded separately (a page loads them for all its projects at once). */
    default Project toDomain(ProjectJpaEntity entity, Collection<UUID> members) {
        return Project.reconstitute(new ProjectId(entity.getId()), entity.getName(), entity.getDescription(),
                entity.getStatus(), entity.getPriority(), new UserId(entity.getOwnerId()),
                members.stream().map(UserId::new).collect(Collectors.toCollection(LinkedHashSet::new)),
                entity.getStartDate(), entity.getDueDate(), budget(entity.getBudgetAmount(), entity.getBudgetCurrency()),
                Tags.of(Arrays.asList(entity.getTags())), entity.getTaskCount(), entity.getCompletion(),
                entity.getVersion(), entity.getCreatedAt(), entity.getUpdatedAt());
    }

    @Mapping(target = "id", expression = "java(project.id().value())")
    @Mapping(target = "ownerId", expression = "java(project.ownerId().value())")
    @Mapping(target = "version", expression = "java(project.version())")
    @Mapping(target = "createdAt", expression = "java(project.createdAt())")
    @Mapping(target = "name", expression = "java(project.name())")
    @Mapping(target = "description", expression = "java(project.description())")
    @Mapping(target = "status", expression = "java(project.status())")
    @Mapping(target = "priority", expression = "java(project.priority())")
    @Mapping(target = "startDate", expression = "java(project.startDate())")
    @Mapping(target = "dueDate", expression = "java(project.dueDate())")
    @Mapping(target = "budgetAmount", expression = "java(project.budget() == null ? null : project.budget().amount())")
    @Mapping(target = "budgetCurrency", expression = "java(project.budget() == null ? null : project.budget().currency())")
    @Mapping(target = "tags", expression = "java(tagArray(project.tags()))")
    @Mapping(target = "taskCount", expression = "java(project.taskCount())")
    @Mapping(target = "completion", expression = "java(project.completion())")
    @Mapping(target = "updatedAt", expression = "java(project.updatedAt())")
    @Mapping(target = "members", ignore = true)   // copyMembers
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
    void copyChanges(Project project, @MappingTarget ProjectJpaEntity entity);

    /** Makes the entity's members those of the project, changing the live collection only where they differ. */
    @AfterMapping
    default void copyMembers(Project project, @MappingTarget ProjectJpaEntity entity) {
        Set<UUID> wanted = project.members().stream().map(UserId::value).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<UUID> members = entity.getMembers();
        members.retainAll(wanted);
        members.addAll(wanted);
    }

    default Budget budget(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Budget(amount, currency);
    }

    default String[] tagArray(Tags tags) {
        return tags.values().toArray(String[]::new);
    }
}
