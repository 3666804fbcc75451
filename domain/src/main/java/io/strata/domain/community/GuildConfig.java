package io.strata.domain.community;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A guild and its one configuration (stored in one row): command prefix, free settings, the points ceiling, and
 * the bot it is bound to: the user whose request created it ({@code botUserId}; null: only ADMINs may act for it).
 */
public record GuildConfig(
        GuildId id,
        long externalId,
        String name,
        String prefix,
        Map<String, Object> settings,
        long maxPoints,
        UserId botUserId,
        AuditStamp stamp) {
    public static final String DEFAULT_PREFIX = "!";
    public static final long DEFAULT_MAX_POINTS = 1_000_000L;
    public static final int MAX_PREFIX = 16;
    public static final int MAX_NAME = 100;

    public GuildConfig {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The configuration every new guild starts with. */
    public static GuildConfig defaults(long externalId, UserId botUserId, java.time.Instant now) {
        return new GuildConfig(
                GuildId.newId(),
                ExternalIds.require("guildId", externalId),
                null,
                DEFAULT_PREFIX,
                Map.of(),
                DEFAULT_MAX_POINTS,
                botUserId,
                AuditStamp.createdAt(now));
    }

    /** Whether {@code actor} may act for this guild: its bot, or an ADMIN. */
    public boolean mayBeUsedBy(Actor actor) {
        return actor.isAdmin() || (botUserId != null && actor.is(botUserId));
    }

    public long version() {
        return stamp.version();
    }

    /** This config with the given changes (null: unchanged), validated; the version moves on when stored. */
    public GuildConfig change(Change change, java.time.Instant now) {
        String newName = change.name() == null ? name : Text.optional("name", change.name(), MAX_NAME);
        if (change.clearName()) {
            newName = null;
        }
        String newPrefix = change.prefix() == null ? prefix : Text.required("prefix", change.prefix(), MAX_PREFIX);
        if (newPrefix.isBlank() || newPrefix.chars().anyMatch(Character::isWhitespace)) {
            throw new ValidationException("prefix", "must be 1 to 16 characters without spaces");
        }
        Map<String, Object> newSettings =
                change.settings() == null ? settings : Storable.json("settings", change.settings());
        long newMax = maxPoints;
        if (change.maxPoints() != null) {
            if (change.maxPoints() <= 0) {
                throw new ValidationException("maxPoints", "must be positive");
            }
            newMax = change.maxPoints();
        }
        return new GuildConfig(
                id, externalId, newName, newPrefix, newSettings, newMax, botUserId, stamp.touchedAt(now));
    }

    /** The names of the fields in which {@code changed} differs from this config, in declaration order. */
    public List<String> changedFields(GuildConfig changed) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(name, changed.name())) {
            fields.add("name");
        }
        if (!Objects.equals(prefix, changed.prefix())) {
            fields.add("prefix");
        }
        if (!Objects.equals(settings, changed.settings())) {
            fields.add("settings");
        }
        if (maxPoints != changed.maxPoints()) {
            fields.add("maxPoints");
        }
        return fields;
    }

    /** What an update asks for; a null field stays as it is ({@code clearName}: set the name to null). */
    public record Change(String name, boolean clearName, String prefix, Map<String, Object> settings, Long maxPoints) {}
}
