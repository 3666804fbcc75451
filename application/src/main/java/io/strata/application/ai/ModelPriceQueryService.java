package io.strata.application.ai;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.ModelPriceRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

@Singleton
@ReadOnlyTransaction
public class ModelPriceQueryService implements ModelPriceQueries {
    private final ModelPriceRepository prices;

    public ModelPriceQueryService(ModelPriceRepository prices) {
        this.prices = prices;
    }

    @Override
    public ModelPrice get(Actor actor, ModelPriceId id) {
        return prices.findById(id).orElseThrow(() -> new NotFoundException("Model price", id));
    }

    @Override
    public Page<ModelPrice> search(Actor actor, SearchCriteria criteria, PageRequest page) {
        return prices.search(criteria, page);
    }

    @Override
    public Optional<ModelPrice> inEffect(Actor actor, String model, Instant at) {
        return prices.inEffect(model, at);
    }
}
