package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailAddress;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.EmailStatus;
import io.strata.domain.messaging.Recipients;
import io.strata.domain.messaging.ThreadReason;
import io.strata.domain.messaging.Threading;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mapstruct.Mapper;

/** {@link Email} to and from {@link EmailJpaEntity}. */
@Mapper(config = JpaMapperConfig.class)
interface EmailJpaMapper extends KernelJpaMappings, MessagingJpaMappings {

    default Email toDomain(EmailJpaEntity row) {
        return Email.reconstitute(
                emailId(row.getId()),
                userId(row.getSenderId()),
                new EmailAddress(row.getFromAddress()),
                new Recipients(
                        addresses(row.getToAddresses()),
                        addresses(row.getCcAddresses()),
                        addresses(row.getBccAddresses())),
                row.getSubject(),
                row.getBody(),
                new Threading(
                        emailId(row.getThreadId()),
                        emailId(row.getInReplyTo()),
                        emailIds(row.getReferenceIds()),
                        ThreadReason.valueOf(row.getThreadReason())),
                EmailStatus.valueOf(row.getStatus()),
                attachmentIds(row.getAttachments()),
                row.getSentAt(),
                stamp(row));
    }

    default EmailJpaEntity toEntity(Email email) {
        EmailJpaEntity row = new EmailJpaEntity();
        row.setId(uuid(email.id()));
        row.setVersion(email.stamp().version());
        row.setCreatedAt(email.stamp().createdAt());
        row.setSenderId(uuid(email.senderId()));
        row.setFromAddress(email.from().value());
        row.setThreadId(uuid(email.threading().threadId()));
        row.setInReplyTo(uuid(email.threading().inReplyTo()));
        row.setReferenceIds(
                email.threading().references().stream().map(EmailId::value).toArray(UUID[]::new));
        row.setThreadReason(email.threading().reason().name());
        copyChanges(email, row);
        return row;
    }

    /** The mutable state of a draft (addresses, subject, body, attachments), its status and sending time. */
    default void copyChanges(Email email, EmailJpaEntity row) {
        row.setToAddresses(addressColumn(email.recipients().to()));
        row.setCcAddresses(addressColumn(email.recipients().cc()));
        row.setBccAddresses(addressColumn(email.recipients().bcc()));
        row.setSubject(email.subject());
        row.setBody(email.body());
        row.setStatus(email.status().name());
        row.setAttachments(attachmentColumn(email.attachments()));
        row.setSentAt(email.sentAt());
        row.setSearchText(searchText(email));
        row.setUpdatedAt(email.stamp().updatedAt());
    }

    /** What {@code q} searches: subject, body, from, to and cc, lower case. Never bcc: a search must not reveal it. */
    static String searchText(Email email) {
        return Stream.of(
                        Stream.of(email.subject(), email.body(), email.from().value()),
                        email.recipients().to().stream().map(EmailAddress::value),
                        email.recipients().cc().stream().map(EmailAddress::value))
                .flatMap(s -> s)
                .filter(s -> s != null && !s.isEmpty())
                .collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);
    }

    default String[] addressColumn(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::value).toArray(String[]::new);
    }

    default List<EmailAddress> addresses(String[] column) {
        return column == null
                ? List.of()
                : Arrays.stream(column).map(EmailAddress::new).toList();
    }
}
