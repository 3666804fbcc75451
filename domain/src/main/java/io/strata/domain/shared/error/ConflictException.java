package io.strata.domain.shared.error;

/** A state rule or a uniqueness rule forbids the change. */
public final class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(Kind.CONFLICT, message);
    }
}
