package io.strata.domain.community;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import java.util.List;
import java.util.Optional;

@OutboundPort
public interface CaseRepository {
    /** The guild's next case number; its counter row stays locked until commit (a rollback gives it back). */
    long nextNumber(GuildId guildId);

    /** Inserts the case and its first reason revision, with its {@code CaseOpened} event. */
    ModerationCase add(ModerationCase moderationCase);

    Optional<ModerationCase> find(GuildId guildId, long number);

    /**
     * Stores resolution or reason at {@code expectedVersion}; a new reason becomes a new revision. With its event
     * in the same transaction: {@code CaseReasonChanged} when {@code newReason} is given, else {@code CaseResolved}
     * (by {@code changedBy}).
     */
    ModerationCase save(ModerationCase changed, long expectedVersion, CaseReason newReason, long changedBy);

    List<CaseReason> reasons(CaseId caseId);

    Page<ModerationCase> search(GuildId guildId, SearchCriteria criteria, PageRequest page);
}
