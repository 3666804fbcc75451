package io.strata.domain.community;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.Optional;

/** Guilds and their config; reads are served from the platform cache, writes invalidate it everywhere at commit. */
@OutboundPort
public interface GuildRepository {
    /** The guild's config, created with the defaults when it is the first request (safe under races). */
    GuildConfig getOrCreate(long externalId, Instant now);

    Optional<GuildConfig> findByExternalId(long externalId);

    /** Stores the changed config at {@code expectedVersion} (a moved version is a StaleVersionException). */
    GuildConfig save(GuildConfig changed, long expectedVersion);
}
