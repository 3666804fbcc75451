package io.strata.domain.shared.error;

/** The actor can see the object but lacks the role for this action. */
public final class ForbiddenException extends DomainException {
    public ForbiddenException(String message) {
        super(Kind.FORBIDDEN, message);
    }
}
