package io.strata.application.ai;

import io.strata.application.shared.UseCase;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.InteractionStatus;
import io.strata.domain.shared.user.Actor;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Records one AI interaction of the caller. The cost is the one sent, or computed from the price book version in
 * effect for the model when the interaction occurred (kept as its price version), or left unpriced.
 */
@UseCase
public interface RecordInteractionUseCase {
    AiInteraction record(Command command);

    record Command(
            Actor actor,
            String module,
            String model,
            String prompt,
            String response,
            Long promptTokens,
            Long cachedPromptTokens,
            Long completionTokens,
            Long totalTokens,
            BigDecimal costUsd,
            InteractionStatus status,
            String errorMessage,
            Long latencyMs,
            Instant occurredAt) {}
}
