package io.strata.domain.shared.error;

/** The caller's expected version is not the stored one: someone else changed the object first. */
public final class StaleVersionException extends DomainException {
    private final long currentVersion;

    public StaleVersionException(String what, Object id, long expected, long current) {
        super(Kind.STALE_VERSION, what + " " + id + " is at version " + current + ", not " + expected);
        this.currentVersion = current;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
