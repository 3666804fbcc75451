package io.strata.domain.community;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A moderation case was opened; the reason (free text) stays out of the event. */
public record CaseOpened(
        CaseId caseId,
        GuildId guildId,
        long number,
        long memberUserId,
        CaseType type,
        long moderatorId,
        Instant expiresAt,
        Instant occurredAt)
        implements DomainEvent {

    public static CaseOpened of(ModerationCase opened) {
        return new CaseOpened(
                opened.id(),
                opened.guildId(),
                opened.number(),
                opened.memberExternalId(),
                opened.type(),
                opened.moderatorId(),
                opened.expiresAt(),
                opened.stamp().createdAt());
    }
}
