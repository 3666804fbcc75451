package io.strata.domain.ai;

import io.strata.domain.shared.model.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** A price book version was added. */
public record ModelPriceAdded(
        ModelPriceId priceId,
        String model,
        BigDecimal inputPerMillion,
        BigDecimal cachedInputPerMillion,
        BigDecimal outputPerMillion,
        Instant effectiveFrom,
        Instant occurredAt)
        implements DomainEvent {}
