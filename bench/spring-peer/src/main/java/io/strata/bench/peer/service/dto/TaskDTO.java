package io.strata.bench.peer.service.dto;

import io.strata.bench.peer.domain.Priority;
import io.strata.bench.peer.domain.Task;
import io.strata.bench.peer.domain.TaskStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** A task as clients see it. */
public record TaskDTO(UUID id, UUID projectId, String title, String description, TaskStatus status, Priority priority,
                      UUID assigneeId, BigDecimal estimatedHours, BigDecimal actualHours, LocalDate dueDate,
                      SortedSet<String> tags, List<UUID> dependsOn, Instant completedAt, long version,
                      Instant createdAt, Instant updatedAt) {

    public static TaskDTO from(Task task) {
        return new TaskDTO(task.getId(), task.getProject().getId(), task.getTitle(), task.getDescription(),
                task.getStatus(), task.getPriority(), task.getAssignee() == null ? null : task.getAssignee().getId(),
                task.getEstimatedHours(), task.getActualHours(), task.getDueDate(), new TreeSet<>(task.getTags()),
                List.of(), task.getCompletedAt(), task.getVersion(), task.getCreatedAt(), task.getUpdatedAt());
    }
}
