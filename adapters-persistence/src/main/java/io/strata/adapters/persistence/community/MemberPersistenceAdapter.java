package io.strata.adapters.persistence.community;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberJoined;
import io.strata.domain.community.MemberRepository;
import io.strata.domain.community.MemberSearch;
import io.strata.domain.community.MemberWithCases;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Singleton
@JoinsTransaction
public class MemberPersistenceAdapter implements MemberRepository {
    static final CriteriaSearch<MemberJpaEntity> SEARCH = CriteriaSearch.builder(
                    MemberJpaEntity.class, MemberSearch.SCHEMA)
            .boundFilter("hasActiveCase", (where, filter) -> {
                Predicate exists = hasActiveCase(where);
                return Boolean.TRUE.equals(filter.value()) ? exists : where.cb().not(exists);
            })
            .textContainsIgnoringCase("username")
            .build();

    private final EntityManager entityManager;

    public MemberPersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Member upsert(GuildId guildId, long externalUserId, String username, Instant now) {
        // one statement: a concurrent first upsert of the same member waits for the other and then updates it
        record Upserted(Member member, boolean inserted) {}
        Optional<Upserted> upserted = CommunityJdbc.query(
                        entityManager,
                        "INSERT INTO community_members AS m (id, guild_id, external_user_id, username, version, "
                                + "created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?) "
                                + "ON CONFLICT (guild_id, external_user_id) DO UPDATE SET username = EXCLUDED.username, "
                                + "version = m.version + 1, updated_at = EXCLUDED.updated_at "
                                + "WHERE m.username IS DISTINCT FROM EXCLUDED.username "
                                + "RETURNING " + CommunityRows.MEMBER_COLUMNS + ", (m.xmax = 0) AS inserted",
                        s -> {
                            s.setObject(1, UUID.randomUUID());
                            s.setObject(2, guildId.value());
                            s.setLong(3, externalUserId);
                            s.setString(4, username);
                            PlainReads.setInstant(s, 5, now);
                            PlainReads.setInstant(s, 6, now);
                        },
                        row -> new Upserted(CommunityRows.member(row), row.getBoolean("inserted")))
                .stream()
                .findFirst();
        if (upserted.isEmpty()) {
            // same username: nothing to update, no row returned; read it as it stands
            return find(guildId, externalUserId).orElseThrow();
        }
        Member member = upserted.get().member();
        if (upserted.get().inserted()) {
            // xmax = 0: this statement inserted the row, a new aggregate, so its first event is number 1
            AggregateWrites.appendEventsOfNew(
                    entityManager,
                    Member.class,
                    Map.of(member.id().value(), List.of(new MemberJoined(member.id(), guildId, externalUserId, now))));
        }
        return member;
    }

    @Override
    public Optional<Member> find(GuildId guildId, long externalUserId) {
        return CommunityJdbc.query(
                        entityManager,
                        "SELECT " + CommunityRows.MEMBER_COLUMNS
                                + " FROM community_members m WHERE m.guild_id = ? AND m.external_user_id = ?",
                        s -> {
                            s.setObject(1, guildId.value());
                            s.setLong(2, externalUserId);
                        },
                        CommunityRows::member)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Member> recordActivity(GuildId guildId, long externalUserId, Instant now) {
        // the row lock of the UPDATE serializes concurrent calls: every one counts
        return CommunityJdbc.query(
                        entityManager,
                        "UPDATE community_members m SET message_count = m.message_count + 1, "
                                + "last_active_at = greatest(m.last_active_at, ?), version = m.version + 1, "
                                + "updated_at = greatest(m.updated_at, ?) "
                                + "WHERE m.guild_id = ? AND m.external_user_id = ? RETURNING "
                                + CommunityRows.MEMBER_COLUMNS,
                        s -> {
                            PlainReads.setInstant(s, 1, now);
                            PlainReads.setInstant(s, 2, now);
                            s.setObject(3, guildId.value());
                            s.setLong(4, externalUserId);
                        },
                        CommunityRows::member)
                .stream()
                .findFirst();
    }

    @Override
    public Page<Member> search(GuildId guildId, SearchCriteria criteria, PageRequest page) {
        return SEARCH.search(entityManager, criteria, page, CriteriaSearch.Scope.equal("guildId", guildId.value()))
                .map(CommunityRows::member);
    }

    @Override
    public Optional<MemberWithCases> findWithCases(GuildId guildId, long externalUserId) {
        // one query: the member row repeated once per case (or once with NULL case columns)
        List<Member> member = new ArrayList<>(1);
        List<ModerationCase> cases = new ArrayList<>();
        CommunityJdbc.query(
                entityManager,
                "SELECT " + CommunityRows.MEMBER_COLUMNS + ", " + CommunityRows.CASE_COLUMNS
                        + " FROM community_members m LEFT JOIN community_cases c ON c.member_id = m.id"
                        + " WHERE m.guild_id = ? AND m.external_user_id = ? ORDER BY c.number",
                s -> {
                    s.setObject(1, guildId.value());
                    s.setLong(2, externalUserId);
                },
                row -> {
                    if (member.isEmpty()) {
                        member.add(CommunityRows.member(row));
                    }
                    if (row.getObject("case_id") != null) {
                        cases.add(CommunityRows.moderationCase(row));
                    }
                    return Boolean.TRUE;
                });
        return member.isEmpty() ? Optional.empty() : Optional.of(new MemberWithCases(member.get(0), cases));
    }

    private static Predicate hasActiveCase(CriteriaSearch.Where<MemberJpaEntity> where) {
        Subquery<Integer> active = where.query().subquery(Integer.class);
        Root<CaseJpaEntity> c = active.from(CaseJpaEntity.class);
        active.select(where.cb().literal(1))
                .where(
                        where.cb().equal(c.get("memberId"), where.root().get("id")),
                        where.cb().isTrue(c.get("active")));
        return where.cb().exists(active);
    }
}
