package io.strata.adapters.persistence.messaging;

import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.shared.user.UserId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Messaging's ids (and the user ids it refers to) to and from columns; MapStruct picks them by type. */
interface MessagingJpaMappings {

    default UUID uuid(ChatRoomId id) {
        return id == null ? null : id.value();
    }

    default ChatRoomId chatRoomId(UUID id) {
        return id == null ? null : new ChatRoomId(id);
    }

    default UUID uuid(ChatMessageId id) {
        return id == null ? null : id.value();
    }

    default ChatMessageId chatMessageId(UUID id) {
        return id == null ? null : new ChatMessageId(id);
    }

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    default UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }

    default Set<UserId> userIds(Collection<UUID> ids) {
        Set<UserId> users = new LinkedHashSet<>();
        ids.forEach(id -> users.add(new UserId(id)));
        return users;
    }

    default UUID[] attachmentColumn(List<AttachmentId> ids) {
        return ids == null ? new UUID[0] : ids.stream().map(AttachmentId::value).toArray(UUID[]::new);
    }

    default List<AttachmentId> attachmentIds(UUID[] ids) {
        return ids == null
                ? List.of()
                : Arrays.stream(ids).map(AttachmentId::new).toList();
    }

    default UUID uuid(EmailId id) {
        return id == null ? null : id.value();
    }

    default EmailId emailId(UUID id) {
        return id == null ? null : new EmailId(id);
    }

    default List<EmailId> emailIds(UUID[] ids) {
        return ids == null ? List.of() : Arrays.stream(ids).map(EmailId::new).toList();
    }
}
