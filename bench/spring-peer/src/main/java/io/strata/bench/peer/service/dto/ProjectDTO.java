package io.strata.bench.peer.service.dto;

import io.strata.bench.peer.domain.Priority;
import io.strata.bench.peer.domain.Project;
import io.strata.bench.peer.domain.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** A project as clients see it, with its members' ids. */
public record ProjectDTO(UUID id, String name, String description, ProjectStatus status, Priority priority,
                         UUID ownerId, List<UUID> members, LocalDate startDate, LocalDate dueDate, BudgetDTO budget,
                         SortedSet<String> tags, long taskCount, int completion, long version, Instant createdAt,
                         Instant updatedAt) {

    public record BudgetDTO(BigDecimal amount, String currency) {
    }

    public static ProjectDTO from(Project project) {
        return new ProjectDTO(project.getId(), project.getName(), project.getDescription(), project.getStatus(),
                project.getPriority(), project.getOwnerId(), List.copyOf(project.getMembers()), project.getStartDate(),
                project.getDueDate(), project.getBudgetAmount() == null ? null
                        : new BudgetDTO(project.getBudgetAmount(), project.getBudgetCurrency()),
                new TreeSet<>(project.getTags()), project.getTaskCount(), project.getCompletion(), project.getVersion(),
                project.getCreatedAt(), project.getUpdatedAt());
    }
}
