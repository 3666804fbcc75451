package io.strata.adapters.web.messaging;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailAddress;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.FolderCount;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.messaging.MailboxEntry;
import java.util.List;
import org.mapstruct.Mapper;

/**
 * E-mails to their responses. Takes what the application hands out ({@link MailItem}: already as the caller may
 * see it), so the bcc list reaches a response only when the caller sent the e-mail.
 */
@Mapper(config = WebMapperConfig.class)
public interface MailWebMapper {

    default EmailResponse toResponse(MailItem item) {
        return toResponse(item.email(), item.entry());
    }

    /** A draft just saved, seen by its sender (who may see its bcc). */
    default EmailResponse toDraftResponse(Email draft) {
        return toResponse(draft, null);
    }

    private EmailResponse toResponse(Email email, MailboxEntry entry) {
        return new EmailResponse(
                email.id().value(),
                email.senderId().value(),
                email.from().value(),
                addresses(email.recipients().to()),
                addresses(email.recipients().cc()),
                addresses(email.recipients().bcc()),
                email.subject(),
                email.body(),
                email.status().name(),
                email.threading().threadId().value(),
                email.threading().inReplyTo() == null
                        ? null
                        : email.threading().inReplyTo().value(),
                email.threading().references().stream().map(EmailId::value).toList(),
                email.threading().reason().name(),
                email.attachments().stream().map(AttachmentId::value).toList(),
                email.sentAt(),
                email.version(),
                email.stamp().createdAt(),
                email.stamp().updatedAt(),
                entry == null
                        ? null
                        : new EmailResponse.MailboxResponse(
                                entry.folder().name(), entry.seen(), entry.flagged(), entry.receivedAt()));
    }

    default FolderResponse toResponse(FolderCount count) {
        return new FolderResponse(count.folder().name(), count.total(), count.unread());
    }

    private static List<String> addresses(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::value).toList();
    }
}
