package io.strata.domain.identity;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The optional 1:1 profile of a user. */
public final class UserProfile extends AggregateRoot {
    public static final int BIO_MAX = 2000;

    private final UUID id;
    private final UserId userId;
    private String bio;
    private String avatarUrl;
    private Map<String, Object> preferences;
    private AuditStamp stamp;

    private UserProfile(
            UUID id, UserId userId, String bio, String avatarUrl, Map<String, Object> preferences, AuditStamp stamp) {
        this.id = id;
        this.userId = userId;
        this.bio = bio;
        this.avatarUrl = avatarUrl;
        this.preferences = Preferences.freeze(preferences);
        this.stamp = stamp;
    }

    public static UserProfile create(
            UserId userId, String bio, String avatarUrl, Map<String, Object> preferences, Clock clock) {
        Objects.requireNonNull(userId, "userId");
        Instant now = clock.now();
        return new UserProfile(
                UUID.randomUUID(),
                userId,
                Text.optional("bio", bio, BIO_MAX),
                checkUrl(avatarUrl),
                Preferences.check("preferences", preferences),
                AuditStamp.createdAt(now));
    }

    /** Loads a stored profile: no validation, no events. */
    public static UserProfile reconstitute(
            UUID id, UserId userId, String bio, String avatarUrl, Map<String, Object> preferences, AuditStamp stamp) {
        return new UserProfile(id, userId, bio, avatarUrl, preferences, stamp);
    }

    /** Replaces every field (PUT semantics). */
    public void replace(String bio, String avatarUrl, Map<String, Object> preferences, Clock clock) {
        this.bio = Text.optional("bio", bio, BIO_MAX);
        this.avatarUrl = checkUrl(avatarUrl);
        this.preferences = Preferences.check("preferences", preferences);
        this.stamp = stamp.touchedAt(clock.now());
    }

    private static String checkUrl(String url) {
        String value = Text.optional("avatarUrl", url, 2048);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new ValidationException("avatarUrl", "must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("avatarUrl", "must be an absolute http(s) URL");
        }
        return value;
    }

    public UUID id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public String bio() {
        return bio;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public Map<String, Object> preferences() {
        return preferences;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    // shortcuts into the stamp
    public long version() {
        return stamp.version();
    }

    public Instant createdAt() {
        return stamp.createdAt();
    }

    public Instant updatedAt() {
        return stamp.updatedAt();
    }
}
