package io.strata.adapters.web.shared;

/**
 * An update came without the {@code If-Match} header that names the version it expects to change
 * (RFC 6585 428 Precondition Required). Thrown by {@link ETags#requireIfMatch}.
 */
public final class PreconditionRequiredException extends RuntimeException {
    public PreconditionRequiredException(String message) {
        super(message);
    }
}
