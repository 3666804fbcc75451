package io.strata.domain.ai;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import java.time.Instant;
import java.util.Optional;

/** Port: the price book. */
@OutboundPort
public interface ModelPriceRepository {
    Optional<ModelPrice> findById(ModelPriceId id);

    /** A second version of the same model or pattern with the same {@code effectiveFrom} is a conflict. */
    ModelPrice add(ModelPrice price);

    /** Removes a version; one that interactions were priced from is a conflict. */
    void delete(ModelPrice price);

    Page<ModelPrice> search(SearchCriteria criteria, PageRequest page);

    /** The version in effect for {@code model} at {@code at} (see {@link ModelPrice} for the precedence). */
    Optional<ModelPrice> inEffect(String model, Instant at);
}
