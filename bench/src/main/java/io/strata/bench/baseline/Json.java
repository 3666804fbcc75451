package io.strata.bench.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON bodies, field for field and in the same order as Strata's (UserResponse, ProjectResponse,
 * TaskResponse, PageResponse, Problem in adapters-web). Null fields are written, as Strata does.
 */
final class Json {
    private Json() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record User(UUID id, String email, String username, @Nullable String firstName, @Nullable String lastName,
                String fullName, String role, String status, boolean emailVerified, @Nullable Instant emailVerifiedAt,
                @Nullable Instant passwordChangedAt, @Nullable Instant lastLoginAt, long loginCount,
                Collection<String> tags, Map<String, Object> preferences, long version, Instant createdAt,
                Instant updatedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Project(UUID id, String name, @Nullable String description, String status, String priority, UUID ownerId,
                   List<UUID> members, @Nullable LocalDate startDate, @Nullable LocalDate dueDate,
                   @Nullable Budget budget, Collection<String> tags, long taskCount, int completion, long version,
                   Instant createdAt, Instant updatedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Budget(BigDecimal amount, String currency) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Task(UUID id, UUID projectId, String title, @Nullable String description, String status, String priority,
                @Nullable UUID assigneeId, @Nullable BigDecimal estimatedHours, BigDecimal actualHours,
                @Nullable LocalDate dueDate, Collection<String> tags, List<UUID> dependsOn,
                @Nullable Instant completedAt, long version, Instant createdAt, Instant updatedAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page<T>(List<T> items, PageInfo page) {
    }

    /** {@code total} is always null: the baseline serves only lists without {@code count}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageInfo(int limit, @Nullable String nextCursor, @Nullable Long total) {
    }

    /** RFC 9457 problem details; {@code errors} only on validation problems. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, @Nullable String instance,
                   @Nullable List<FieldProblem> errors) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FieldProblem(@Nullable String field, String message) {
    }

    /** Body of {@code POST /projects/{id}/tasks}, as Strata's AddTaskRequest: unknown fields are rejected. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = false)
    record NewTask(@Nullable String title, @Nullable String description, @Nullable String priority,
                   @Nullable String assigneeId, @Nullable BigDecimal estimatedHours, @Nullable LocalDate dueDate,
                   @Nullable List<String> tags, @Nullable List<String> dependsOn) {
    }
}
