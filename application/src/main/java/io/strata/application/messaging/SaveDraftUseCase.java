package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.Recipients;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/**
 * Saves a draft: a new one ({@link #create}) filed in the sender's DRAFTS, or changes to one of the sender's
 * drafts ({@link #update}: If-Match required; a sent e-mail is immutable, 409). Threading is fixed at creation:
 * {@code inReplyTo} (a sent e-mail the sender has a copy of) or else the newest known of {@code references}.
 * Attachments are files the sender may read.
 */
@UseCase
public interface SaveDraftUseCase {
    Email create(Create command);

    Email update(Update command);

    record Create(
            Actor actor,
            Recipients recipients,
            String subject,
            String body,
            EmailId inReplyTo,
            List<EmailId> references,
            List<AttachmentId> attachments) {}

    record Update(
            Actor actor,
            EmailId id,
            long expectedVersion,
            Recipients recipients,
            String subject,
            String body,
            List<AttachmentId> attachments) {}
}
