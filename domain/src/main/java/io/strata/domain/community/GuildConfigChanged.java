package io.strata.domain.community;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.List;

/**
 * A guild's configuration changed: the names of the fields that changed and the new version. The values stay
 * out (settings are free JSON a bot may fill with anything); a subscriber reads the config if it needs them.
 */
public record GuildConfigChanged(
        GuildId guildId, long externalId, List<String> fields, long version, Instant occurredAt)
        implements DomainEvent {
    public GuildConfigChanged {
        fields = List.copyOf(fields);
    }
}
