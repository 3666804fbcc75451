package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;

/** Port: failed-login counters per key (an account or an IP address), for throttling. */
@OutboundPort
public interface LoginAttempts {
    void recordFailure(String key, Instant at);

    long failuresSince(String key, Instant since);

    /** The oldest failure still inside the window, to tell a client when to retry. */
    Instant oldestFailureSince(String key, Instant since);

    void clear(String key);
}
