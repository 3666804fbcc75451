package io.strata.application.ai;

import io.strata.application.shared.Query;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import java.time.Instant;
import java.util.Optional;

/** The price book is readable by every signed-in user (clients may want to estimate a cost). */
@Query
public interface ModelPriceQueries {
    ModelPrice get(Actor actor, ModelPriceId id);

    Page<ModelPrice> search(Actor actor, SearchCriteria criteria, PageRequest page);

    /** The version that prices {@code model} at {@code at}, if any. */
    Optional<ModelPrice> inEffect(Actor actor, String model, Instant at);
}
