package io.strata.domain.shared.error;

/**
 * A change to an existing object came without the version it expects to change: optimistic
 * concurrency needs it, or a concurrent change could be silently overwritten.
 */
public final class VersionRequiredException extends DomainException {
    public VersionRequiredException(String message) {
        super(Kind.VERSION_REQUIRED, message);
    }
}
