package io.strata.domain.community;

import java.time.Instant;
import java.util.UUID;

/**
 * One immutable ledger row: {@code amount} points leave {@code from} and reach {@code to} (debit and credit of
 * the same movement); a null side is the guild's own account, so an adjustment is a transfer too. The balances
 * after are those of the two members right after this movement.
 */
public record PointsTransfer(
        UUID id,
        GuildId guildId,
        MemberId fromMemberId,
        Long fromUserId,
        MemberId toMemberId,
        Long toUserId,
        long amount,
        String reason,
        Instant createdAt,
        Long fromBalanceAfter,
        Long toBalanceAfter) {}
