package io.strata.domain.workspace;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.time.LocalDate;

/** When a project runs: both dates optional and storable, the due date never before the start date. */
public record Schedule(LocalDate startDate, LocalDate dueDate) {
    public static final Schedule NONE = new Schedule(null, null);

    public Schedule {
        Storable.date("startDate", startDate);
        Storable.date("dueDate", dueDate);
        if (startDate != null && dueDate != null && dueDate.isBefore(startDate)) {
            throw new ValidationException("dueDate", "must not be before startDate");
        }
    }
}
