package io.strata.application.community;

import io.strata.application.shared.Query;
import io.strata.domain.community.CaseReason;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import java.util.List;

@Query
public interface CaseQueries {
    ModerationCase get(Actor actor, long guildId, long number);

    List<CaseReason> reasonHistory(Actor actor, long guildId, long number);

    Page<ModerationCase> search(Actor actor, long guildId, SearchCriteria criteria, PageRequest page);
}
