package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** Email draft saved (created or changed) by its sender; no addresses (bcc stays with the sender). */
public record EmailDraftSaved(EmailId emailId, UserId senderId, Instant occurredAt) implements DomainEvent {}
