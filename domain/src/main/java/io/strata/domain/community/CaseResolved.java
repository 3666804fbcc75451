package io.strata.domain.community;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A moderation case was resolved (it is no longer active). */
public record CaseResolved(CaseId caseId, GuildId guildId, long number, long resolvedBy, Instant occurredAt)
        implements DomainEvent {

    public static CaseResolved of(ModerationCase resolved, long moderatorId) {
        return new CaseResolved(
                resolved.id(), resolved.guildId(), resolved.number(), moderatorId, resolved.resolvedAt());
    }
}
