package io.strata.domain.shared.error;

/** An update of an existing object came without the version it expects to change. */
public final class PreconditionRequiredException extends DomainException {
    public PreconditionRequiredException(String message) {
        super("precondition-required", message);
    }
}
