package io.strata.adapters.persistence.community;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.community.CaseId;
import io.strata.domain.community.CaseOpened;
import io.strata.domain.community.CaseReason;
import io.strata.domain.community.CaseReasonChanged;
import io.strata.domain.community.CaseRepository;
import io.strata.domain.community.CaseResolved;
import io.strata.domain.community.CaseSearch;
import io.strata.domain.community.GuildId;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
@JoinsTransaction
public class CasePersistenceAdapter implements CaseRepository {
    static final CriteriaSearch<CaseJpaEntity> SEARCH = CriteriaSearch.builder(CaseJpaEntity.class, CaseSearch.SCHEMA)
            .attribute("moderatorId", "moderatorExternalId")
            .attribute("memberId", "memberExternalId")
            .textContainsIgnoringCase("reason")
            .build();

    private final EntityManager entityManager;

    public CasePersistenceAdapter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public long nextNumber(GuildId guildId) {
        // the counter row stays locked by this UPDATE until commit: the next opener waits and gets the next number;
        // a rollback undoes the increment, so no number is skipped
        return CommunityJdbc.query(
                        entityManager,
                        "INSERT INTO community_case_counters AS k (guild_id, last_number) VALUES (?, 1) "
                                + "ON CONFLICT (guild_id) DO UPDATE SET last_number = k.last_number + 1 "
                                + "RETURNING k.last_number",
                        s -> s.setObject(1, guildId.value()),
                        row -> row.getLong(1))
                .get(0);
    }

    @Override
    public ModerationCase add(ModerationCase c) {
        CommunityJdbc.update(
                entityManager,
                "INSERT INTO community_cases (id, guild_id, number, member_id, member_external_id, type, reason, "
                        + "moderator_external_id, active, expires_at, resolved_at, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                s -> {
                    s.setObject(1, c.id().value());
                    s.setObject(2, c.guildId().value());
                    s.setLong(3, c.number());
                    s.setObject(4, c.memberId().value());
                    s.setLong(5, c.memberExternalId());
                    s.setString(6, c.type().name());
                    s.setString(7, c.reason());
                    s.setLong(8, c.moderatorId());
                    s.setBoolean(9, c.active());
                    PlainReads.setInstant(s, 10, c.expiresAt());
                    PlainReads.setInstant(s, 11, c.resolvedAt());
                    PlainReads.setInstant(s, 12, c.stamp().createdAt());
                    PlainReads.setInstant(s, 13, c.stamp().updatedAt());
                });
        addReason(
                c.id(),
                1,
                new CaseReason(1, c.reason(), c.moderatorId(), c.stamp().createdAt()));
        // a new aggregate (a fresh id, inserted just now): its first event is number 1
        AggregateWrites.appendEventsOfNew(
                entityManager, ModerationCase.class, Map.of(c.id().value(), List.of(CaseOpened.of(c))));
        return c;
    }

    @Override
    public Optional<ModerationCase> find(GuildId guildId, long number) {
        return CommunityJdbc.query(
                        entityManager,
                        "SELECT " + CommunityRows.CASE_COLUMNS + " FROM community_cases c"
                                + " WHERE c.guild_id = ? AND c.number = ?",
                        s -> {
                            s.setObject(1, guildId.value());
                            s.setLong(2, number);
                        },
                        CommunityRows::moderationCase)
                .stream()
                .findFirst();
    }

    @Override
    public ModerationCase save(ModerationCase changed, long expectedVersion, CaseReason newReason, long changedBy) {
        long next = expectedVersion + 1;
        int updated = CommunityJdbc.update(
                entityManager,
                "UPDATE community_cases SET reason = ?, active = ?, resolved_at = ?, version = ?, updated_at = ? "
                        + "WHERE id = ? AND version = ?",
                s -> {
                    s.setString(1, changed.reason());
                    s.setBoolean(2, changed.active());
                    PlainReads.setInstant(s, 3, changed.resolvedAt());
                    s.setLong(4, next);
                    PlainReads.setInstant(s, 5, changed.stamp().updatedAt());
                    s.setObject(6, changed.id().value());
                    s.setLong(7, expectedVersion);
                });
        if (updated == 0) {
            long committed = find(changed.guildId(), changed.number())
                    .map(ModerationCase::version)
                    .orElse(-1L);
            throw new StaleVersionException("Case", changed.number(), expectedVersion, committed);
        }
        DomainEvent event;
        if (newReason != null) {
            // the row lock taken by the UPDATE above makes revisions of one case sequential
            int revision = CommunityJdbc.query(
                            entityManager,
                            "SELECT coalesce(max(revision), 0) + 1 FROM community_case_reasons WHERE case_id = ?",
                            s -> s.setObject(1, changed.id().value()),
                            row -> row.getInt(1))
                    .get(0);
            addReason(changed.id(), revision, newReason);
            event = new CaseReasonChanged(
                    changed.id(),
                    changed.guildId(),
                    changed.number(),
                    revision,
                    newReason.editedBy(),
                    newReason.editedAt());
        } else {
            event = CaseResolved.of(changed, changedBy);
        }
        // the UPDATE above locked the case's row: the outbox may count on from its last event
        AggregateWrites.appendEvents(
                entityManager, ModerationCase.class, Map.of(changed.id().value(), List.of(event)));
        return new ModerationCase(
                changed.id(),
                changed.guildId(),
                changed.number(),
                changed.memberId(),
                changed.memberExternalId(),
                changed.type(),
                changed.reason(),
                changed.moderatorId(),
                changed.active(),
                changed.expiresAt(),
                changed.resolvedAt(),
                new AuditStamp(
                        next, changed.stamp().createdAt(), changed.stamp().updatedAt()));
    }

    @Override
    public List<CaseReason> reasons(CaseId caseId) {
        return CommunityJdbc.query(
                entityManager,
                "SELECT revision, reason, edited_by, edited_at FROM community_case_reasons WHERE case_id = ? "
                        + "ORDER BY revision",
                s -> s.setObject(1, caseId.value()),
                row -> new CaseReason(
                        row.getInt("revision"),
                        row.getString("reason"),
                        row.getLong("edited_by"),
                        CommunityJdbc.instant(row, "edited_at")));
    }

    @Override
    public Page<ModerationCase> search(GuildId guildId, SearchCriteria criteria, PageRequest page) {
        return SEARCH.search(entityManager, criteria, page, CriteriaSearch.Scope.equal("guildId", guildId.value()))
                .map(CommunityRows::moderationCase);
    }

    private void addReason(CaseId caseId, int revision, CaseReason reason) {
        CommunityJdbc.update(
                entityManager,
                "INSERT INTO community_case_reasons (case_id, revision, reason, edited_by, edited_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                s -> {
                    s.setObject(1, caseId.value());
                    s.setInt(2, revision);
                    s.setString(3, reason.reason());
                    s.setLong(4, reason.editedBy());
                    PlainReads.setInstant(s, 5, reason.editedAt());
                });
    }
}
