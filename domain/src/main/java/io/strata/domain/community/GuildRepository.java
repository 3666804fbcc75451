package io.strata.domain.community;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Guilds and their config; reads are served from the platform cache, writes invalidate it everywhere at commit. */
@OutboundPort
public interface GuildRepository {
    /**
     * The guild's config, created with the defaults and bound to {@code botUserId} when it is the first request
     * (safe under races: the first creator wins, the others read its row).
     */
    GuildConfig getOrCreate(long externalId, UserId botUserId, Instant now);

    Optional<GuildConfig> findByExternalId(long externalId);

    /**
     * Stores the changed config at {@code expectedVersion} (a moved version is a StaleVersionException), with a
     * {@code GuildConfigChanged} event naming {@code changedFields} when there are any.
     */
    GuildConfig save(GuildConfig changed, long expectedVersion, List<String> changedFields);
}
