package io.strata.application.ai;

import io.strata.application.shared.Query;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.UsageQuery;
import io.strata.domain.ai.UsageReport;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;

/** Reads of interactions: a user sees their own, an ADMIN everyone's; to anyone else an interaction does not exist. */
@Query
public interface AiInteractionQueries {
    AiInteraction get(Actor actor, AiInteractionId id);

    Page<AiInteraction> search(Actor actor, SearchCriteria criteria, PageRequest page);

    /** The usage report over the caller's interactions (ADMIN: everyone's, or one user's when the query names one). */
    UsageReport usage(Actor actor, UsageQuery query);
}
