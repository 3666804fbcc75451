package io.strata.domain.ai;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;

/** An AI interaction was recorded. Prompt and response stay out: events leave the system. */
public record AiInteractionRecorded(
        AiInteractionId interactionId,
        UserId userId,
        String module,
        String model,
        InteractionStatus status,
        TokenUsage usage,
        BigDecimal costUsd,
        CostSource costSource,
        ModelPriceId priceVersion,
        long latencyMs,
        Instant interactionAt,
        Instant occurredAt)
        implements DomainEvent {}
