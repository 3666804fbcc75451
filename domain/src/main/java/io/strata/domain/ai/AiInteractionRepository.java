package io.strata.domain.ai;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Port: AI interactions, their usage report and their repricing. */
@OutboundPort
public interface AiInteractionRepository {
    Optional<AiInteraction> findById(AiInteractionId id);

    AiInteraction add(AiInteraction interaction);

    /**
     * Interactions of {@code visibleTo}, or of everyone when null (ADMIN). A page costs one statement (two with
     * {@code count=exact}).
     */
    Page<AiInteraction> search(SearchCriteria criteria, PageRequest page, UserId visibleTo);

    /** The report computed in the database in one statement (groups and total), without loading interactions. */
    UsageReport usage(UsageQuery query);

    /**
     * Gives every interaction that occurred in {@code [from, to)} the cost from the price book version in effect for
     * it now (interactions with a cost the client gave only when {@code includeGiven}); interactions no price
     * matches keep theirs. One statement; each changed interaction records {@link AiInteractionRepriced}.
     */
    RepriceResult reprice(Instant from, Instant to, boolean includeGiven, Instant now);
}
