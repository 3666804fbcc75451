package io.strata.domain.ai;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Text;

/** How an interaction ended: its status, the provider's error (only for ERROR) and how long it took. */
public record Outcome(InteractionStatus status, String errorMessage, long latencyMs) {
    public static final int ERROR_MAX = 4_000;
    /** One day: anything longer is a clock or unit mistake, not a latency. */
    public static final long MAX_LATENCY_MS = 86_400_000L;

    public static Outcome of(InteractionStatus status, String errorMessage, Long latencyMs) {
        InteractionStatus s = status == null ? InteractionStatus.SUCCESS : status;
        String error = Text.optional("errorMessage", errorMessage, ERROR_MAX);
        if (s == InteractionStatus.SUCCESS && error != null) {
            throw new ValidationException("errorMessage", "only an ERROR interaction has an error message");
        }
        long latency = ValidationException.requireValue("latencyMs", latencyMs);
        if (latency < 0 || latency > MAX_LATENCY_MS) {
            throw new ValidationException("latencyMs", "must be between 0 and " + MAX_LATENCY_MS);
        }
        return new Outcome(s, error, latency);
    }
}
