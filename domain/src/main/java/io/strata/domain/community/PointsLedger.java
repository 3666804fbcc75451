package io.strata.domain.community;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The append-only points ledger and the balances it moves. */
@OutboundPort
public interface PointsLedger {
    Optional<PointsTransfer> find(GuildId guildId, UUID transferId);

    /**
     * Locks the named members' rows in the order of their ids, whatever order they are asked in, so two
     * transfers between the same members (in either direction) queue instead of deadlocking.
     */
    List<Member> lockMembers(GuildId guildId, Collection<Long> externalUserIds);

    /** Appends the transfer unless its id exists in the guild (then false: the first one stands). */
    boolean append(PointsTransfer transfer);

    /** Sets a locked member's balance (only together with {@link #append}). */
    void storeBalance(MemberId memberId, long points, Instant now);

    /** Every member's balance as the ledger stood at {@code at} (external user id to points). */
    Map<Long, Long> balancesAt(GuildId guildId, Instant at);
}
