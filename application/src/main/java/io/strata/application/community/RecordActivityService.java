package io.strata.application.community;

import io.strata.domain.community.GuildRepository;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RecordActivityService implements RecordActivityUseCase {
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final Clock clock;

    public RecordActivityService(GuildRepository guilds, MemberRepository members, Clock clock) {
        this.guilds = guilds;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Member recordActivity(Actor actor, long guildId, long userId) {
        CommunityAccess.requireBot(actor);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return members.recordActivity(guild.id(), userId, clock.now())
                .orElseThrow(() -> new NotFoundException("Member", userId));
    }
}
