package io.strata.domain.events;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where sinks are stored. A new sink's queue starts at the outbox's present: it receives the events of transactions
 * that commit after its creation (and of those still in flight then).
 */
@OutboundPort
public interface EventSinkRepository {
    /** Stores a new sink with its secret; a taken name is a {@code ConflictException}. */
    EventSink add(EventSink sink, String secret);

    Optional<EventSink> findById(SinkId id);

    /** Every sink, by name. */
    List<EventSink> all();

    /** Enables or disables a sink ({@code reason} says why it was disabled; null when enabled). */
    EventSink changeEnabled(SinkId id, boolean enabled, String reason, Instant now);

    /** Replaces the secret; the previous one stays valid (signs too) until {@code previousUntil}. */
    void rotateSecret(SinkId id, String secret, Instant previousUntil, Instant now);

    /** The secrets to sign or log in with now: the current one first. */
    List<String> secrets(SinkId id, Instant now);

    /** Records that the sink failed (since {@code since} unless already failing) or works again (null). */
    void failingSince(SinkId id, Instant since);

    void delete(SinkId id);
}
