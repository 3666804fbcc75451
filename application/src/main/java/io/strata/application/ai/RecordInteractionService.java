package io.strata.application.ai;

import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.AiInteractionRepository;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceRepository;
import io.strata.domain.ai.Outcome;
import io.strata.domain.ai.TokenUsage;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class RecordInteractionService implements RecordInteractionUseCase {
    private final AiInteractionRepository interactions;
    private final ModelPriceRepository prices;
    private final Clock clock;

    public RecordInteractionService(AiInteractionRepository interactions, ModelPriceRepository prices, Clock clock) {
        this.interactions = interactions;
        this.prices = prices;
        this.clock = clock;
    }

    /** Every unreadable field is reported at once; the price is looked up only when no cost was sent. */
    @Override
    @Transactional
    public AiInteraction record(Command command) {
        ValidationCollector checks = new ValidationCollector();
        TokenUsage tokens = checks.check(() -> TokenUsage.of(
                command.promptTokens(),
                command.cachedPromptTokens(),
                command.completionTokens(),
                command.totalTokens()));
        Outcome outcome = checks.check(() -> Outcome.of(command.status(), command.errorMessage(), command.latencyMs()));
        Instant occurredAt = checks.check(() -> AiInteraction.occurredAt(command.occurredAt(), clock));
        String model = checks.check(() -> Text.required("model", command.model(), AiInteraction.MODEL_MAX));
        checks.check(() -> Text.required("module", command.module(), AiInteraction.MODULE_MAX));
        checks.check(() -> Storable.text("prompt", command.prompt()));
        checks.check(() -> Storable.text("response", command.response()));
        checks.throwIfAny();
        Optional<ModelPrice> price = command.costUsd() == null ? prices.inEffect(model, occurredAt) : Optional.empty();
        AiInteraction interaction = AiInteraction.record(
                command.actor().userId(),
                command.module(),
                model,
                command.prompt(),
                command.response(),
                tokens,
                command.costUsd(),
                price,
                outcome,
                occurredAt,
                clock);
        return interactions.add(interaction);
    }
}
