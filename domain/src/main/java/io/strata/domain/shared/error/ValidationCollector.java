package io.strata.domain.shared.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs several checks and reports every failure at once instead of stopping at the first. */
public final class ValidationCollector {
    private final List<ValidationException.FieldError> errors = new ArrayList<>();

    /** Returns the value, or null after recording the check's errors. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** Like {@link #check(Supplier)}, recording errors under {@code prefix} (e.g. {@code tasks[2].title}). */
    public <T> T check(String prefix, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            e.errors()
                    .forEach(error ->
                            add(error.field() == null ? prefix : prefix + "." + error.field(), error.message()));
            return null;
        }
    }

    public void add(String field, String message) {
        errors.add(new ValidationException.FieldError(field, message));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
