package io.strata.domain.shared.error;

/** A body or a stored object exceeds a configured size limit; nothing was stored. */
public final class TooLargeException extends DomainException {
    private final long limitBytes;

    public TooLargeException(String what, long limitBytes) {
        super(Kind.TOO_LARGE, what + " exceeds the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
