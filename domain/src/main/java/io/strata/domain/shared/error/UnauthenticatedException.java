package io.strata.domain.shared.error;

/** Credentials or token are missing, wrong, expired or belong to an inactive account. */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message) {
        super(Kind.UNAUTHENTICATED, message);
    }
}
