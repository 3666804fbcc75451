package io.strata.adapters.persistence.community;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberId;
import io.strata.domain.community.PointsLedger;
import io.strata.domain.community.PointsTransfer;
import io.strata.domain.community.PointsTransferred;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
@JoinsTransaction
public class PointsLedgerPersistenceAdapter implements PointsLedger {
    private static final String TRANSFER_COLUMNS =
            "t.guild_id, t.id, t.from_member_id, f.external_user_id AS from_user, "
                    + "t.to_member_id, r.external_user_id AS to_user, t.amount, t.reason, t.created_at, "
                    + "t.from_balance_after, t.to_balance_after";

    private final EntityManager entityManager;

    public PointsLedgerPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<PointsTransfer> find(GuildId guildId, UUID transferId) {
        return CommunityJdbc.query(
                        entityManager,
                        "SELECT " + TRANSFER_COLUMNS + " FROM community_points_transfers t"
                                + " LEFT JOIN community_members f ON f.id = t.from_member_id"
                                + " LEFT JOIN community_members r ON r.id = t.to_member_id"
                                + " WHERE t.guild_id = ? AND t.id = ?",
                        s -> {
                            s.setObject(1, guildId.value());
                            s.setObject(2, transferId);
                        },
                        row -> {
                            UUID from = row.getObject("from_member_id", UUID.class);
                            UUID to = row.getObject("to_member_id", UUID.class);
                            return new PointsTransfer(
                                    row.getObject("id", UUID.class),
                                    new GuildId(row.getObject("guild_id", UUID.class)),
                                    from == null ? null : new MemberId(from),
                                    CommunityJdbc.nullableLong(row, "from_user"),
                                    to == null ? null : new MemberId(to),
                                    CommunityJdbc.nullableLong(row, "to_user"),
                                    row.getLong("amount"),
                                    row.getString("reason"),
                                    CommunityJdbc.instant(row, "created_at"),
                                    CommunityJdbc.nullableLong(row, "from_balance_after"),
                                    CommunityJdbc.nullableLong(row, "to_balance_after"));
                        })
                .stream()
                .findFirst();
    }

    @Override
    public List<Member> lockMembers(GuildId guildId, Collection<Long> externalUserIds) {
        // ORDER BY id FOR NO KEY UPDATE: rows are locked as they come out of the sort, so always in id order
        Long[] ids = externalUserIds.toArray(Long[]::new);
        return CommunityJdbc.query(
                entityManager,
                "SELECT " + CommunityRows.MEMBER_COLUMNS + " FROM community_members m"
                        + " WHERE m.guild_id = ? AND m.external_user_id = ANY (?) ORDER BY m.id FOR NO KEY UPDATE",
                s -> {
                    s.setObject(1, guildId.value());
                    s.setArray(2, s.getConnection().createArrayOf("bigint", ids));
                },
                CommunityRows::member);
    }

    @Override
    public boolean append(PointsTransfer transfer) {
        boolean appended = insert(transfer);
        if (appended) {
            // a transfer is a new aggregate: its ledger row was inserted just now, so its event is number 1
            AggregateWrites.appendEventsOfNew(
                    entityManager,
                    PointsTransfer.class,
                    Map.of(aggregateId(transfer), List.of(PointsTransferred.of(transfer))));
        }
        return appended;
    }

    /**
     * The transfer's id in the outbox: the client's id is unique only within its guild, so the stream is named by
     * both (a name-based UUID of guild id and transfer id); the event carries the client's id itself.
     */
    static UUID aggregateId(PointsTransfer transfer) {
        ByteBuffer bytes = ByteBuffer.allocate(32);
        bytes.putLong(transfer.guildId().value().getMostSignificantBits())
                .putLong(transfer.guildId().value().getLeastSignificantBits())
                .putLong(transfer.id().getMostSignificantBits())
                .putLong(transfer.id().getLeastSignificantBits());
        return UUID.nameUUIDFromBytes(bytes.array());
    }

    private boolean insert(PointsTransfer transfer) {
        return CommunityJdbc.update(
                        entityManager,
                        "INSERT INTO community_points_transfers (guild_id, id, from_member_id, to_member_id, amount, "
                                + "reason, from_balance_after, to_balance_after, created_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, id) DO NOTHING",
                        s -> {
                            s.setObject(1, transfer.guildId().value());
                            s.setObject(2, transfer.id());
                            s.setObject(
                                    3,
                                    transfer.fromMemberId() == null
                                            ? null
                                            : transfer.fromMemberId().value(),
                                    Types.OTHER);
                            s.setObject(
                                    4,
                                    transfer.toMemberId() == null
                                            ? null
                                            : transfer.toMemberId().value(),
                                    Types.OTHER);
                            s.setLong(5, transfer.amount());
                            s.setString(6, transfer.reason());
                            s.setObject(7, transfer.fromBalanceAfter(), Types.BIGINT);
                            s.setObject(8, transfer.toBalanceAfter(), Types.BIGINT);
                            PlainReads.setInstant(s, 9, transfer.createdAt());
                        })
                == 1;
    }

    @Override
    public void storeBalance(MemberId memberId, long points, Instant now) {
        CommunityJdbc.update(
                entityManager,
                "UPDATE community_members SET points = ?, version = version + 1, "
                        + "updated_at = greatest(updated_at, ?) WHERE id = ?",
                s -> {
                    s.setLong(1, points);
                    PlainReads.setInstant(s, 2, now);
                    s.setObject(3, memberId.value());
                });
    }

    @Override
    public Map<Long, Long> balancesAt(GuildId guildId, Instant at) {
        // every balance starts at 0 and moves only with a ledger row: credits minus debits up to the instant
        Map<Long, Long> balances = new LinkedHashMap<>();
        CommunityJdbc.query(
                entityManager,
                "SELECT m.external_user_id, coalesce(sum(CASE WHEN t.to_member_id = m.id THEN t.amount "
                        + "ELSE -t.amount END), 0) AS balance"
                        + " FROM community_members m LEFT JOIN community_points_transfers t"
                        + " ON t.guild_id = m.guild_id AND (t.to_member_id = m.id OR t.from_member_id = m.id)"
                        + " AND t.created_at <= ?"
                        + " WHERE m.guild_id = ? AND m.created_at <= ?"
                        + " GROUP BY m.external_user_id ORDER BY m.external_user_id",
                s -> {
                    PlainReads.setInstant(s, 1, at);
                    s.setObject(2, guildId.value());
                    PlainReads.setInstant(s, 3, at);
                },
                row -> balances.put(row.getLong("external_user_id"), row.getLong("balance")));
        return balances;
    }
}
