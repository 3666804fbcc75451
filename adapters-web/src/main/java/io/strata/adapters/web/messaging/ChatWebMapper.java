package io.strata.adapters.web.messaging;

import io.strata.adapters.web.shared.WebMapperConfig;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.ChatEdit;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.shared.user.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;

/** Chat rooms and messages to their responses. */
@Mapper(config = WebMapperConfig.class)
public interface ChatWebMapper {

    default ChatRoomResponse toResponse(ChatRoom room) {
        return new ChatRoomResponse(
                room.id().value(),
                room.name(),
                room.creatorId().value(),
                room.members().stream().map(UserId::value).collect(Collectors.toCollection(LinkedHashSet::new)),
                room.version(),
                room.stamp().createdAt(),
                room.stamp().updatedAt());
    }

    default ChatMessageResponse toResponse(ChatMessage message) {
        return new ChatMessageResponse(
                message.id().value(),
                message.roomId().value(),
                message.senderId().value(),
                message.content(),
                message.replyToId() == null ? null : message.replyToId().value(),
                message.attachments().stream().map(AttachmentId::value).toList(),
                message.editedAt(),
                message.deletedAt(),
                message.isDeleted(),
                message.version(),
                message.stamp().createdAt(),
                message.stamp().updatedAt());
    }

    /** What a poller that saw everything up to {@code since} learns about the message. */
    default ChatChangesResponse.ChatChangeResponse toChange(ChatMessage message, long since) {
        String change = message.isDeleted() ? "DELETED" : message.postedChange() > since ? "POSTED" : "EDITED";
        return new ChatChangesResponse.ChatChangeResponse(change, toResponse(message));
    }

    default ChatEditResponse toEdits(List<ChatEdit> edits) {
        return new ChatEditResponse(edits.stream()
                .map(edit -> new ChatEditResponse.Entry(edit.content(), edit.replacedAt()))
                .toList());
    }

    default List<UUID> ids(List<AttachmentId> ids) {
        return ids.stream().map(AttachmentId::value).toList();
    }
}
