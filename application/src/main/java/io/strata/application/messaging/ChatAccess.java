package io.strata.application.messaging;

import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatMessageRepository;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Who may see a room and its messages: members only; to anyone else the room does not exist (404). */
final class ChatAccess {
    private ChatAccess() {}

    static void requireMember(ChatRoomRepository rooms, Actor actor, ChatRoomId roomId) {
        if (!rooms.isMember(roomId, actor.userId())) {
            throw new NotFoundException("ChatRoom", roomId);
        }
    }

    /** The room's creator, when the actor is a member (else 404). */
    static UserId creatorForMember(ChatRoomRepository rooms, Actor actor, ChatRoomId roomId) {
        return rooms.creatorIfMember(roomId, actor.userId())
                .orElseThrow(() -> new NotFoundException("ChatRoom", roomId));
    }

    /** A message of this room (a message of another room does not exist here). */
    static ChatMessage message(ChatMessageRepository messages, ChatRoomId roomId, ChatMessageId id) {
        return messages.findById(id)
                .filter(m -> m.roomId().equals(roomId))
                .orElseThrow(() -> new NotFoundException("ChatMessage", id));
    }

    static int limit(int limit) {
        if (limit < 1 || limit > ChatQueries.MAX_LIMIT) {
            throw new ValidationException("limit", "must be between 1 and " + ChatQueries.MAX_LIMIT);
        }
        return limit;
    }

    /** Attachments must be files the sender may read: the others are one 400 naming them. */
    static void requireReadable(MessagingFiles files, Actor reader, Collection<AttachmentId> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return;
        }
        List<AttachmentId> named =
                attachments.stream().filter(Objects::nonNull).distinct().toList();
        Set<AttachmentId> unreadable = named.isEmpty() ? Set.of() : files.unreadable(reader, named);
        if (!unreadable.isEmpty()) {
            List<AttachmentId> ordered =
                    named.stream().filter(unreadable::contains).toList();
            throw new ValidationException(
                    "attachments",
                    "no readable file "
                            + ordered.stream().map(AttachmentId::toString).collect(Collectors.joining(", ")));
        }
    }
}
