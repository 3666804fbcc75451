package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.shared.user.Actor;

/** A guild's config, created with the defaults on the first request (many first requests at once: one row). */
@UseCase
public interface GetOrCreateGuildConfigUseCase {
    GuildConfig getOrCreate(Actor actor, long guildId);
}
