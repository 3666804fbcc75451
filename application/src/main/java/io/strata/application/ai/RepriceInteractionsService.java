package io.strata.application.ai;

import io.strata.domain.ai.AiInteractionRepository;
import io.strata.domain.ai.RepriceResult;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.value.Storable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RepriceInteractionsService implements RepriceInteractionsUseCase {
    private final AiInteractionRepository interactions;
    private final Clock clock;

    public RepriceInteractionsService(AiInteractionRepository interactions, Clock clock) {
        this.interactions = interactions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RepriceResult reprice(Command command) {
        command.actor().requireAdmin("reprice interactions");
        ValidationCollector checks = new ValidationCollector();
        checks.check(() -> Storable.instant("from", ValidationException.requireValue("from", command.from())));
        checks.check(() -> Storable.instant("to", ValidationException.requireValue("to", command.to())));
        checks.throwIfAny();
        if (!command.from().isBefore(command.to())) {
            throw new ValidationException("to", "must be after from");
        }
        return interactions.reprice(command.from(), command.to(), command.includeGiven(), clock.now());
    }
}
