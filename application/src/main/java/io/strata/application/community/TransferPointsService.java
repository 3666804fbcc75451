package io.strata.application.community;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.GuildRepository;
import io.strata.domain.community.Member;
import io.strata.domain.community.Points;
import io.strata.domain.community.PointsLedger;
import io.strata.domain.community.PointsTransfer;
import io.strata.domain.community.TransferRequest;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deadlocks cannot happen: both members' rows are locked in the order of their ids (never in from/to order), so
 * opposite transfers between the same pair queue behind each other. The ledger row is inserted before the
 * balances move; if a concurrent request with the same id won, nothing moves and its result is replayed.
 */
@Singleton
public class TransferPointsService implements TransferPointsUseCase {
    private final GuildRepository guilds;
    private final PointsLedger ledger;
    private final Clock clock;

    public TransferPointsService(GuildRepository guilds, PointsLedger ledger, Clock clock) {
        this.guilds = guilds;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable // the ledger's and the members' rows, the outbox: all in the transaction
    public Result transfer(Actor actor, long guildId, TransferRequest request) {
        CommunityAccess.requireBot(actor);
        GuildConfig guild = CommunityAccess.existingGuild(guilds, actor, guildId);
        Optional<PointsTransfer> earlier = ledger.find(guild.id(), request.id());
        if (earlier.isPresent()) {
            return new Result(request.replay(earlier.get()), true);
        }
        List<Long> users = new ArrayList<>(2);
        if (request.fromUserId() != null) {
            users.add(request.fromUserId());
        }
        if (request.toUserId() != null) {
            users.add(request.toUserId());
        }
        List<Member> locked = ledger.lockMembers(guild.id(), users);
        Member from = request.fromUserId() == null ? null : member(locked, request.fromUserId());
        Member to = request.toUserId() == null ? null : member(locked, request.toUserId());
        Long fromAfter = from == null ? null : Points.debit(from.points(), request.amount(), from.externalUserId());
        Long toAfter = to == null
                ? null
                : Points.credit(to.points(), request.amount(), guild.maxPoints(), to.externalUserId());
        Instant now = clock.now();
        PointsTransfer transfer = new PointsTransfer(
                request.id(),
                guild.id(),
                from == null ? null : from.id(),
                request.fromUserId(),
                to == null ? null : to.id(),
                request.toUserId(),
                request.amount(),
                request.reason(),
                now,
                fromAfter,
                toAfter);
        if (!ledger.append(transfer)) {
            // a concurrent request with this id committed first: it stands, ours moves nothing
            PointsTransfer first = ledger.find(guild.id(), request.id()).orElseThrow();
            return new Result(request.replay(first), true);
        }
        if (from != null) {
            ledger.storeBalance(from.id(), fromAfter, now);
        }
        if (to != null) {
            ledger.storeBalance(to.id(), toAfter, now);
        }
        return new Result(transfer, false);
    }

    private static Member member(List<Member> locked, long userId) {
        return locked.stream()
                .filter(m -> m.externalUserId() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Member", userId));
    }
}
