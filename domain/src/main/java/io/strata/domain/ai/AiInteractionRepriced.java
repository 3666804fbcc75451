package io.strata.domain.ai;

import io.strata.domain.shared.model.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** A reprice gave an interaction a new cost from the price book version now in effect for it. */
public record AiInteractionRepriced(
        AiInteractionId interactionId,
        BigDecimal previousCostUsd,
        BigDecimal costUsd,
        ModelPriceId priceVersion,
        Instant occurredAt)
        implements DomainEvent {}
