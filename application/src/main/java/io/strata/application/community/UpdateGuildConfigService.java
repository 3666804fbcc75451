package io.strata.application.community;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class UpdateGuildConfigService implements UpdateGuildConfigUseCase {
    private final GuildRepository guilds;
    private final Clock clock;

    public UpdateGuildConfigService(GuildRepository guilds, Clock clock) {
        this.guilds = guilds;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable // the guild's row, its invalidation (a pg_notify sent at commit), the outbox: all in the transaction
    public GuildConfig update(Command command) {
        CommunityAccess.requireBot(command.actor());
        GuildConfig current = CommunityAccess.existingGuild(guilds, command.actor(), command.guildId());
        Versioned.require("Guild", command.guildId(), command.expectedVersion(), current.version());
        GuildConfig changed = current.change(command.change(), clock.now());
        return guilds.save(changed, command.expectedVersion(), current.changedFields(changed));
    }
}
