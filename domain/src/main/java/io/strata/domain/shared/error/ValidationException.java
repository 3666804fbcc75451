package io.strata.domain.shared.error;

import java.util.List;

/** Input that breaks an invariant; lists every offending field so a client can fix all at once. */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public ValidationException(List<FieldError> errors) {
        super(Kind.VALIDATION, summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Returns {@code value}, or throws "must not be null" on {@code field} (e.g. a merge patch's explicit null). */
    public static <T> T requireValue(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "Invalid input";
        }
        FieldError first = errors.get(0);
        String head = first.field() == null ? first.message() : first.field() + ": " + first.message();
        return errors.size() == 1 ? head : head + " (and " + (errors.size() - 1) + " more)";
    }

    public record FieldError(String field, String message) {}
}
