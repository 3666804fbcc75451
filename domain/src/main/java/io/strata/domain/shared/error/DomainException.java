package io.strata.domain.shared.error;

/**
 * Root of every rule violation the domain and the use cases raise. Sealed: each subtype is one
 * {@link Kind} of error, and adapters decide what a kind means for them (the web adapter: an HTTP status
 * and problem type) in one exhaustive {@code switch}, so a new kind does not compile until every adapter
 * has decided.
 */
public abstract sealed class DomainException extends RuntimeException
        permits ValidationException,
                UnauthenticatedException,
                ForbiddenException,
                NotFoundException,
                ConflictException,
                StaleVersionException,
                VersionRequiredException,
                ThrottledException,
                TooLargeException {

    /** What kind of rule was broken; one per subtype. */
    public enum Kind {
        /** Input breaks an invariant ({@link ValidationException}). */
        VALIDATION,
        /** Credentials missing, wrong or expired ({@link UnauthenticatedException}). */
        UNAUTHENTICATED,
        /** The actor may see the object but lacks the role ({@link ForbiddenException}). */
        FORBIDDEN,
        /** No such object, or not visible to the actor ({@link NotFoundException}). */
        NOT_FOUND,
        /** A state or uniqueness rule forbids the change ({@link ConflictException}). */
        CONFLICT,
        /** The expected version is not the stored one ({@link StaleVersionException}). */
        STALE_VERSION,
        /** A change to an existing object came without its expected version ({@link VersionRequiredException}). */
        VERSION_REQUIRED,
        /** Too many attempts; retry later ({@link ThrottledException}). */
        THROTTLED,
        /** A body or object exceeds a size limit ({@link TooLargeException}). */
        TOO_LARGE
    }

    private final Kind kind;

    DomainException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
