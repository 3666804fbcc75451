package io.strata.application.community;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberRepository;
import io.strata.domain.community.MemberWithCases;
import io.strata.domain.community.PointsLedger;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.value.Storable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

@Singleton
@ReadOnlyTransaction
public class MemberQueryService implements MemberQueries {
    private final GuildRepository guilds;
    private final MemberRepository members;
    private final PointsLedger ledger;

    public MemberQueryService(GuildRepository guilds, MemberRepository members, PointsLedger ledger) {
        this.guilds = guilds;
        this.members = members;
        this.ledger = ledger;
    }

    @Override
    public Member get(Actor actor, long guildId, long userId) {
        CommunityAccess.requireBot(actor);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return members.find(guild.id(), userId).orElseThrow(() -> new NotFoundException("Member", userId));
    }

    @Override
    public MemberWithCases getWithCases(Actor actor, long guildId, long userId) {
        CommunityAccess.requireBot(actor);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return members.findWithCases(guild.id(), userId).orElseThrow(() -> new NotFoundException("Member", userId));
    }

    @Override
    public Page<Member> search(Actor actor, long guildId, SearchCriteria criteria, PageRequest page) {
        CommunityAccess.requireBot(actor);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return members.search(guild.id(), criteria, page);
    }

    @Override
    public Map<Long, Long> balancesAt(Actor actor, long guildId, Instant at) {
        CommunityAccess.requireBot(actor);
        if (at == null) {
            throw new ValidationException("at", "is required");
        }
        Storable.instant("at", at);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return ledger.balancesAt(guild.id(), at);
    }
}
