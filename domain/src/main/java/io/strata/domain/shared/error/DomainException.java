package io.strata.domain.shared.error;

/**
 * Root of every rule violation the domain and the use cases raise. Each subtype carries a stable
 * {@link #code()} that adapters map to a transport status in exactly one place.
 */
public abstract class DomainException extends RuntimeException {
    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable, machine-readable code, e.g. {@code validation}, {@code not-found}. */
    public String code() {
        return code;
    }
}
