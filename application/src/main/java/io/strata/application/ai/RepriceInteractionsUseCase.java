package io.strata.application.ai;

import io.strata.application.shared.UseCase;
import io.strata.domain.ai.RepriceResult;
import io.strata.domain.shared.user.Actor;
import java.time.Instant;

/**
 * Recomputes the cost of the interactions that occurred in {@code [from, to)} from the price book as it is now
 * (ADMIN), and returns the difference. Costs a client gave are kept unless {@code includeGiven}.
 */
@UseCase
public interface RepriceInteractionsUseCase {
    RepriceResult reprice(Command command);

    record Command(Actor actor, Instant from, Instant to, boolean includeGiven) {}
}
