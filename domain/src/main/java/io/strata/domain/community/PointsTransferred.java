package io.strata.domain.community;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Points moved between two members of a guild (a null user is the guild's own account: an adjustment). The reason
 * stays out: it is free text a moderator typed, not something to publish.
 */
public record PointsTransferred(
        UUID transferId,
        GuildId guildId,
        Long fromUserId,
        Long toUserId,
        long amount,
        Long fromBalanceAfter,
        Long toBalanceAfter,
        Instant occurredAt)
        implements DomainEvent {

    public static PointsTransferred of(PointsTransfer transfer) {
        return new PointsTransferred(
                transfer.id(),
                transfer.guildId(),
                transfer.fromUserId(),
                transfer.toUserId(),
                transfer.amount(),
                transfer.fromBalanceAfter(),
                transfer.toBalanceAfter(),
                transfer.createdAt());
    }
}
