package io.strata.application.community;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.community.CaseReason;
import io.strata.domain.community.CaseRepository;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
@ReadOnlyTransaction
public class CaseQueryService implements CaseQueries {
    private final GuildRepository guilds;
    private final CaseRepository cases;

    public CaseQueryService(GuildRepository guilds, CaseRepository cases) {
        this.guilds = guilds;
        this.cases = cases;
    }

    @Override
    public ModerationCase get(Actor actor, long guildId, long number) {
        CommunityAccess.requireBot(actor);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return cases.find(guild.id(), number).orElseThrow(() -> new NotFoundException("Case", number));
    }

    @Override
    public List<CaseReason> reasonHistory(Actor actor, long guildId, long number) {
        return cases.reasons(get(actor, guildId, number).id());
    }

    @Override
    public Page<ModerationCase> search(Actor actor, long guildId, SearchCriteria criteria, PageRequest page) {
        CommunityAccess.requireBot(actor);
        var guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        return cases.search(guild.id(), criteria, page);
    }
}
