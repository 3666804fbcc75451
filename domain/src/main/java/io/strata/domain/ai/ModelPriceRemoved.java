package io.strata.domain.ai;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A price book version no interaction used was removed. */
public record ModelPriceRemoved(ModelPriceId priceId, String model, Instant effectiveFrom, Instant occurredAt)
        implements DomainEvent {}
