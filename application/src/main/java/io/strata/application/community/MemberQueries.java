package io.strata.application.community;

import io.strata.application.shared.Query;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberWithCases;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import java.time.Instant;
import java.util.Map;

@Query
public interface MemberQueries {
    Member get(Actor actor, long guildId, long userId);

    MemberWithCases getWithCases(Actor actor, long guildId, long userId);

    Page<Member> search(Actor actor, long guildId, SearchCriteria criteria, PageRequest page);

    /** Every member's balance at {@code at}, replayed from the ledger (external user id to points). */
    Map<Long, Long> balancesAt(Actor actor, long guildId, Instant at);
}
