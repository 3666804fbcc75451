package io.strata.application.community;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class GetOrCreateGuildConfigService implements GetOrCreateGuildConfigUseCase {
    private final GuildRepository guilds;
    private final Clock clock;

    public GetOrCreateGuildConfigService(GuildRepository guilds, Clock clock) {
        this.guilds = guilds;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable // the guild's row it may insert: all in the transaction
    public GuildConfig getOrCreate(Actor actor, long guildId) {
        CommunityAccess.requireBot(actor);
        return CommunityAccess.guildFor(guilds, actor, guildId, clock.now());
    }
}
