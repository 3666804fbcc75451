package io.strata.application.ai;

import io.strata.application.shared.UseCase;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.shared.user.Actor;
import java.math.BigDecimal;
import java.time.Instant;

/** The price book (ADMIN): add a version of a model's or pattern's price, remove one no interaction used. */
@UseCase
public interface ManagePriceBookUseCase {
    ModelPrice add(AddCommand command);

    /** {@code expectedVersion} is the ETag read (a price version is never updated, so it stays 0). */
    void remove(Actor actor, ModelPriceId id, long expectedVersion);

    record AddCommand(
            Actor actor,
            String model,
            BigDecimal inputPerMillion,
            BigDecimal cachedInputPerMillion,
            BigDecimal outputPerMillion,
            Instant effectiveFrom) {}
}
