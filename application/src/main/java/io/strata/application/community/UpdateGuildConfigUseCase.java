package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.shared.user.Actor;

/** Changes a guild's config at the version the client read; every instance's cached copy is dropped at commit. */
@UseCase
public interface UpdateGuildConfigUseCase {
    GuildConfig update(Command command);

    record Command(Actor actor, long guildId, long expectedVersion, GuildConfig.Change change) {}
}
