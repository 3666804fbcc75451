package io.strata.domain.shared.error;

/** Too many attempts in a window; the caller may retry after {@link #retryAfterSeconds()}. */
public final class ThrottledException extends DomainException {
    private final long retryAfterSeconds;

    public ThrottledException(String message, long retryAfterSeconds) {
        super(Kind.THROTTLED, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
