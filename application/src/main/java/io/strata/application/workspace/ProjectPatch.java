package io.strata.application.workspace;

import io.strata.application.shared.Change;
import io.strata.domain.workspace.Budget;
import io.strata.domain.workspace.Priority;
import java.time.LocalDate;
import java.util.Set;

/** The changes of a project merge patch (status and members have their own use cases). */
public record ProjectPatch(
        Change<String> name,
        Change<String> description,
        Change<Priority> priority,
        Change<LocalDate> startDate,
        Change<LocalDate> dueDate,
        Change<Budget> budget,
        Change<Set<String>> tags) {}
