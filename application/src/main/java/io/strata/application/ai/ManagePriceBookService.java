package io.strata.application.ai;

import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.ModelPriceRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ManagePriceBookService implements ManagePriceBookUseCase {
    private final ModelPriceRepository prices;
    private final Clock clock;

    public ManagePriceBookService(ModelPriceRepository prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ModelPrice add(AddCommand command) {
        command.actor().requireAdmin("manage the price book");
        return prices.add(ModelPrice.create(
                command.model(),
                command.inputPerMillion(),
                command.cachedInputPerMillion(),
                command.outputPerMillion(),
                command.effectiveFrom(),
                clock));
    }

    @Override
    @Transactional
    public void remove(Actor actor, ModelPriceId id, long expectedVersion) {
        actor.requireAdmin("manage the price book");
        ModelPrice price = prices.findById(id).orElseThrow(() -> new NotFoundException("Model price", id));
        Versioned.require("Model price", id, expectedVersion, price.version());
        price.remove(clock);
        prices.delete(price);
    }
}
