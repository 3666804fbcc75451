package io.strata.application.workspace;

import io.strata.application.shared.Change;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.workspace.Priority;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The changes of a task merge patch. {@code assigneeId} assigns (null unassigns); status,
 * hours worked and dependencies have their own use cases.
 */
public record TaskPatch(
        Change<String> title,
        Change<String> description,
        Change<Priority> priority,
        Change<BigDecimal> estimatedHours,
        Change<LocalDate> dueDate,
        Change<Set<String>> tags,
        Change<UserId> assigneeId) {}
