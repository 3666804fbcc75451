package io.strata.domain.workspace;

import io.strata.domain.shared.error.ValidationException;
import java.time.LocalDate;

/** When a project runs: both dates optional, the due date never before the start date. */
public record Schedule(LocalDate startDate, LocalDate dueDate) {
    public static final Schedule NONE = new Schedule(null, null);

    public Schedule {
        if (startDate != null && dueDate != null && dueDate.isBefore(startDate)) {
            throw new ValidationException("dueDate", "must not be before startDate");
        }
    }
}
