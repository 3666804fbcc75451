package io.strata.application.ai;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.AiInteractionRepository;
import io.strata.domain.ai.UsageQuery;
import io.strata.domain.ai.UsageReport;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;

@Singleton
@ReadOnlyTransaction
public class AiInteractionQueryService implements AiInteractionQueries {
    private final AiInteractionRepository interactions;

    public AiInteractionQueryService(AiInteractionRepository interactions) {
        this.interactions = interactions;
    }

    @Override
    public AiInteraction get(Actor actor, AiInteractionId id) {
        return interactions
                .findById(id)
                .filter(i -> actor.isAdmin() || i.belongsTo(actor.userId()))
                .orElseThrow(() -> new NotFoundException("AI interaction", id));
    }

    @Override
    public Page<AiInteraction> search(Actor actor, SearchCriteria criteria, PageRequest page) {
        return interactions.search(criteria, page, actor.isAdmin() ? null : actor.userId());
    }

    @Override
    public UsageReport usage(Actor actor, UsageQuery query) {
        if (!actor.isAdmin()) {
            if (query.userId() != null && !actor.is(query.userId())) {
                actor.requireAdmin("report on another user's usage");
            }
            query = query.ofUser(actor.userId());
        }
        return interactions.usage(query);
    }
}
