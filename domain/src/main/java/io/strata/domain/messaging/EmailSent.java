package io.strata.domain.messaging;

import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/** An e-mail was sent; the payload names no recipient, so no bcc reaches any event consumer. */
public record EmailSent(
        EmailId emailId, UserId senderId, EmailId threadId, ThreadReason threadReason, Instant occurredAt)
        implements DomainEvent {}
