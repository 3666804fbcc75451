package io.strata.bench.peer.service.dto;

import io.strata.bench.peer.domain.Priority;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Body of {@code POST /projects/{id}/tasks}. */
public record NewTaskDTO(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String title,
        @Size(max = 10_000, message = "must be at most 10000 characters") String description,
        Priority priority,
        UUID assigneeId,
        @DecimalMin(value = "0", message = "must be 0 to 100000 hours with at most 2 decimals")
        @DecimalMax(value = "100000", message = "must be 0 to 100000 hours with at most 2 decimals")
        @Digits(integer = 6, fraction = 2, message = "must be 0 to 100000 hours with at most 2 decimals")
        BigDecimal estimatedHours,
        LocalDate dueDate,
        @Size(max = 50, message = "at most 50 tags")
        List<@NotBlank(message = "tags must not be blank") @Size(max = 50, message = "a tag is at most 50 characters") String> tags,
        @Size(max = 0, message = "the peer adds tasks without dependencies") List<@NotNull UUID> dependsOn) {
}
