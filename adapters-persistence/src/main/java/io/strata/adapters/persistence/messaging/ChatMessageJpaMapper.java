package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.messaging.ChatMessage;
import org.mapstruct.Mapper;

/** {@link ChatMessage} to and from {@link ChatMessageJpaEntity}. */
@Mapper(config = JpaMapperConfig.class)
interface ChatMessageJpaMapper extends KernelJpaMappings, MessagingJpaMappings {

    default ChatMessage toDomain(ChatMessageJpaEntity row) {
        return ChatMessage.reconstitute(
                chatMessageId(row.getId()),
                chatRoomId(row.getRoomId()),
                userId(row.getSenderId()),
                row.getContent(),
                chatMessageId(row.getReplyToId()),
                attachmentIds(row.getAttachments()),
                row.getEditedAt(),
                row.getDeletedAt(),
                row.getPostedChange(),
                row.getChange(),
                stamp(row));
    }

    default ChatMessageJpaEntity toEntity(ChatMessage message) {
        ChatMessageJpaEntity row = new ChatMessageJpaEntity();
        row.setId(uuid(message.id()));
        row.setVersion(message.stamp().version());
        row.setCreatedAt(message.stamp().createdAt());
        row.setRoomId(uuid(message.roomId()));
        row.setSenderId(uuid(message.senderId()));
        row.setReplyToId(uuid(message.replyToId()));
        row.setPostedChange(message.postedChange());
        copyChanges(message, row);
        return row;
    }

    /** The mutable state: content, attachments, edit and delete times, change number, updatedAt. */
    default void copyChanges(ChatMessage message, ChatMessageJpaEntity row) {
        row.setContent(message.content());
        row.setAttachments(attachmentColumn(message.attachments()));
        row.setEditedAt(message.editedAt());
        row.setDeletedAt(message.deletedAt());
        row.setChange(message.change());
        row.setUpdatedAt(message.stamp().updatedAt());
    }
}
