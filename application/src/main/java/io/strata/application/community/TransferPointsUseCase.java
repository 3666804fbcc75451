package io.strata.application.community;

import io.strata.application.shared.UseCase;
import io.strata.domain.community.PointsTransfer;
import io.strata.domain.community.TransferRequest;
import io.strata.domain.shared.user.Actor;

/**
 * Moves points between two members, or between a member and the guild's account (a moderator's adjustment), in
 * one transaction with its ledger row. A retry with the same transfer id and body returns the first result
 * ({@code replayed}); the same id with another body is a 409 naming the differing fields.
 */
@UseCase
public interface TransferPointsUseCase {
    Result transfer(Actor actor, long guildId, TransferRequest request);

    record Result(PointsTransfer transfer, boolean replayed) {}
}
