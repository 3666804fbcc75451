package io.strata.domain.shared.error;

/** The object does not exist, or exists but the actor may not see it (both look the same). */
public final class NotFoundException extends DomainException {
    public NotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, what + " " + id + " not found");
    }
}
