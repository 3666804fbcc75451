package io.strata.application.events;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.events.EventSink;
import io.strata.domain.events.EventSinkRepository;
import io.strata.domain.events.LoggedAttempt;
import io.strata.domain.events.SinkId;
import io.strata.domain.events.SinkKind;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.value.Storable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

@Singleton
public class ManageEventSinksService implements ManageEventSinksUseCase {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String WHAT = "Event sink";

    private final EventSinkRepository sinks;
    private final DeliveryQueue queue;
    private final RelayPolicy policy;
    private final Clock clock;

    public ManageEventSinksService(EventSinkRepository sinks, DeliveryQueue queue, RelayPolicy policy, Clock clock) {
        this.sinks = sinks;
        this.queue = queue;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Created create(Command command) {
        command.actor().requireAdmin("configure event sinks");
        EventSink.validate(
                command.name(),
                command.kind(),
                command.eventTypes(),
                command.url(),
                command.topicPrefix(),
                command.timeout());
        String secret = null;
        if (command.kind() == SinkKind.WEBHOOK) {
            secret = newWebhookSecret();
        } else if (command.kind() == SinkKind.MQTT && command.secret() != null) {
            secret = Storable.text("secret", command.secret());
            if (secret.length() > 500) {
                throw new ValidationException("secret", "must be at most 500 characters");
            }
        }
        if (command.username() != null) {
            Storable.text("username", command.username());
            if (command.username().length() > 200) {
                throw new ValidationException("username", "must be at most 200 characters");
            }
        }
        Instant now = clock.now();
        EventSink sink = new EventSink(
                SinkId.newId(),
                command.name(),
                command.kind(),
                command.eventTypes() == null ? java.util.Set.of() : new LinkedHashSet<>(command.eventTypes()),
                command.kind() == SinkKind.LOG ? null : command.url(),
                command.kind() == SinkKind.MQTT
                        ? (command.topicPrefix() == null ? "strata/events" : command.topicPrefix())
                        : null,
                command.kind() == SinkKind.MQTT ? command.username() : null,
                command.timeout() == null ? DEFAULT_TIMEOUT : command.timeout(),
                true,
                null,
                null,
                0,
                now,
                now);
        return new Created(sinks.add(sink, secret), command.kind() == SinkKind.WEBHOOK ? secret : null);
    }

    @Override
    @ReadOnlyTransaction
    public List<EventSink> list(Actor actor) {
        actor.requireAdmin("read event sinks");
        return sinks.all();
    }

    @Override
    @ReadOnlyTransaction
    public EventSink get(Actor actor, SinkId id) {
        actor.requireAdmin("read event sinks");
        return load(id);
    }

    @Override
    @Transactional
    public EventSink changeEnabled(Actor actor, SinkId id, boolean enabled) {
        actor.requireAdmin("enable or disable event sinks");
        load(id);
        return sinks.changeEnabled(id, enabled, enabled ? null : "disabled by an admin", clock.now());
    }

    @Override
    @Transactional
    public String rotateSecret(Actor actor, SinkId id) {
        actor.requireAdmin("rotate event sink secrets");
        EventSink sink = load(id);
        if (sink.kind() != SinkKind.WEBHOOK) {
            throw new io.strata.domain.shared.error.ConflictException("only a webhook sink has a signing secret");
        }
        String secret = newWebhookSecret();
        Instant now = clock.now();
        sinks.rotateSecret(id, secret, now.plus(policy.secretOverlap()), now);
        return secret;
    }

    @Override
    @Transactional
    public int redeliver(Actor actor, SinkId id, UUID eventId, Long fromPosition, Long toPosition) {
        actor.requireAdmin("redeliver events");
        load(id);
        if (eventId != null) {
            if (fromPosition != null || toPosition != null) {
                throw new ValidationException("eventId", "give either an event id or a range of positions");
            }
            long position = queue.positionOf(eventId).orElseThrow(() -> new NotFoundException("Event", eventId));
            return queue.redeliver(id, position, position);
        }
        if (fromPosition == null) {
            throw new ValidationException("fromPosition", "is required (or eventId)");
        }
        long to = toPosition == null ? fromPosition : toPosition;
        if (fromPosition < 1) {
            throw new ValidationException("fromPosition", "must be at least 1");
        }
        if (to < fromPosition) {
            throw new ValidationException("toPosition", "must not be before fromPosition");
        }
        if (to - fromPosition >= 100_000) {
            throw new ValidationException("toPosition", "a range holds at most 100000 positions");
        }
        return queue.redeliver(id, fromPosition, to);
    }

    @Override
    @ReadOnlyTransaction
    public List<LoggedAttempt> attempts(Actor actor, SinkId id, int limit) {
        actor.requireAdmin("read delivery attempts");
        load(id);
        return queue.attempts(id, limit);
    }

    @Override
    @Transactional
    public void delete(Actor actor, SinkId id) {
        actor.requireAdmin("delete event sinks");
        load(id);
        sinks.delete(id);
    }

    private EventSink load(SinkId id) {
        return sinks.findById(id).orElseThrow(() -> new NotFoundException(WHAT, id));
    }

    /** Standard Webhooks' format: {@code whsec_} and the base64 of 32 random bytes (the HMAC key). */
    private static String newWebhookSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
