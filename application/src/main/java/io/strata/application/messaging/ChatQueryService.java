package io.strata.application.messaging;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.messaging.ChatEdit;
import io.strata.domain.messaging.ChatHistoryPage;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatMessageRepository;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.List;

/** Every read is one membership statement plus one statement for what it lists. */
@Singleton
@ReadOnlyTransaction
public class ChatQueryService implements ChatQueries {
    private final ChatRoomRepository rooms;
    private final ChatMessageRepository messages;

    public ChatQueryService(ChatRoomRepository rooms, ChatMessageRepository messages) {
        this.rooms = rooms;
        this.messages = messages;
    }

    @Override
    public ChatRoom room(Actor actor, ChatRoomId id) {
        return rooms.findById(id)
                .filter(room -> room.hasMember(actor.userId()))
                .orElseThrow(() -> new NotFoundException("ChatRoom", id));
    }

    @Override
    public List<ChatRoom> myRooms(Actor actor, int limit) {
        return rooms.ofMember(actor.userId(), ChatAccess.limit(limit));
    }

    @Override
    public ChatHistoryPage history(Actor actor, ChatRoomId roomId, String before, String after, int limit) {
        if (before != null && after != null) {
            throw new ValidationException("after", "cannot be combined with before");
        }
        int checked = ChatAccess.limit(limit);
        ChatAccess.requireMember(rooms, actor, roomId);
        return messages.history(roomId, before, after, checked);
    }

    @Override
    public ChatChanges changes(Actor actor, ChatRoomId roomId, long since, int limit) {
        if (since < 0) {
            throw new ValidationException("since", "must be 0 or more");
        }
        int checked = ChatAccess.limit(limit);
        ChatAccess.requireMember(rooms, actor, roomId);
        List<ChatMessage> changed = messages.changedSince(roomId, since, checked);
        long checkpoint =
                changed.isEmpty() ? since : changed.get(changed.size() - 1).change();
        return new ChatChanges(changed, checkpoint);
    }

    @Override
    public List<ChatMessage> thread(Actor actor, ChatRoomId roomId, ChatMessageId first, int limit) {
        int checked = ChatAccess.limit(limit);
        ChatAccess.requireMember(rooms, actor, roomId);
        ChatMessage root = ChatAccess.message(messages, roomId, first);
        return messages.thread(root.id(), checked);
    }

    @Override
    public List<ChatEdit> edits(Actor actor, ChatRoomId roomId, ChatMessageId id) {
        ChatAccess.requireMember(rooms, actor, roomId);
        ChatAccess.message(messages, roomId, id);
        return messages.edits(id);
    }
}
