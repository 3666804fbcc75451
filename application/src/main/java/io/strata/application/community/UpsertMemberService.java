package io.strata.application.community;

import io.strata.domain.community.ExternalIds;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class UpsertMemberService implements UpsertMemberUseCase {
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final Clock clock;

    public UpsertMemberService(GuildRepository guilds, MemberRepository members, Clock clock) {
        this.guilds = guilds;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Member upsert(Actor actor, long guildId, long userId, String username) {
        CommunityAccess.requireBot(actor);
        long user = ExternalIds.require("userId", userId);
        String name = Member.username(username);
        GuildConfig guild = CommunityAccess.guildFor(guilds, actor, guildId, clock.now());
        return members.upsert(guild.id(), user, name, clock.now());
    }
}
