package io.strata.domain.community;

import io.strata.domain.shared.model.DomainEvent;
import java.time.Instant;

/** A case's reason was edited: its new revision number and who edited it (the text itself stays out). */
public record CaseReasonChanged(
        CaseId caseId, GuildId guildId, long number, int revision, long editedBy, Instant occurredAt)
        implements DomainEvent {}
