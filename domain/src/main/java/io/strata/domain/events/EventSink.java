package io.strata.domain.events;

import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.value.Storable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where events go. A sink receives the events whose type is in {@link #eventTypes} (all when empty), from its
 * creation on. Secrets (a webhook's signing secret, an MQTT password) are held by the relay's store and never
 * leave it through this record.
 *
 * @param url          the webhook's endpoint, or the MQTT broker ({@code tcp://host:1883}); none for a log sink
 * @param topicPrefix  MQTT: topics are {@code <prefix>/<event type>}
 * @param username     MQTT: the broker login, if any
 * @param failingSince when the sink started failing without a success since (null while it works)
 */
public record EventSink(
        SinkId id,
        String name,
        SinkKind kind,
        Set<String> eventTypes,
        String url,
        String topicPrefix,
        String username,
        Duration timeout,
        boolean enabled,
        String disabledReason,
        Instant failingSince,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9]*\\.[A-Z][A-Za-z0-9]*");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_./-]{1,100}");

    /** Checks a new sink's definition; every problem at once. */
    public static void validate(
            String name, SinkKind kind, List<String> eventTypes, String url, String topicPrefix, Duration timeout) {
        ValidationCollector problems = new ValidationCollector();
        if (name == null) {
            problems.add("name", "is required");
        } else if (!NAME.matcher(name).matches()) {
            problems.add("name", "must be 1-63 of [a-z0-9_.-], starting with a letter or digit");
        }
        if (kind == null) {
            problems.add("kind", "is required");
        }
        if (eventTypes != null) {
            for (int i = 0; i < eventTypes.size(); i++) {
                String type = eventTypes.get(i);
                if (type == null || !EVENT_TYPE.matcher(type).matches()) {
                    problems.add("eventTypes[" + i + "]", "must be an event type such as workspace.TaskCreated");
                }
            }
            if (eventTypes.size() > 100) {
                problems.add("eventTypes", "must have at most 100 types");
            }
        }
        if (kind == SinkKind.WEBHOOK) {
            checkUrl(problems, url, Set.of("http", "https"));
        } else if (kind == SinkKind.MQTT) {
            checkUrl(problems, url, Set.of("tcp", "ssl"));
            if (topicPrefix != null && !TOPIC.matcher(topicPrefix).matches()) {
                problems.add("topicPrefix", "must be 1-100 of [A-Za-z0-9_./-]");
            }
        }
        if (timeout != null && (timeout.toMillis() < 100 || timeout.toMillis() > 60_000)) {
            problems.add("timeoutMs", "must be between 100 and 60000");
        }
        problems.throwIfAny();
    }

    private static void checkUrl(ValidationCollector problems, String url, Set<String> schemes) {
        if (url == null) {
            problems.add("url", "is required");
            return;
        }
        try {
            Storable.text("url", url);
            URI uri = new URI(url);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                problems.add("url", "must be an absolute " + String.join(" or ", schemes) + " URL");
            } else if (uri.getPort() == 0 || uri.getPort() > 65_535) { // java.net.URI takes any digits as a port
                problems.add("url", "must have a port between 1 and 65535 (or none, for the scheme's own)");
            } else if (url.length() > 2000) {
                problems.add("url", "must be at most 2000 characters");
            }
        } catch (java.net.URISyntaxException | ValidationException e) {
            problems.add("url", "is not a valid URL");
        }
    }

    /** Whether this sink wants events of {@code type}. */
    public boolean wants(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }
}
