package io.strata.application.messaging;

import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatMessageRepository;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class DeleteChatMessageService implements DeleteChatMessageUseCase {
    private final ChatRoomRepository rooms;
    private final ChatMessageRepository messages;
    private final Clock clock;

    public DeleteChatMessageService(ChatRoomRepository rooms, ChatMessageRepository messages, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ChatMessage delete(Actor actor, ChatRoomId roomId, ChatMessageId messageId) {
        UserId creator = ChatAccess.creatorForMember(rooms, actor, roomId);
        long change = rooms.nextChange(roomId).orElseThrow(() -> new NotFoundException("ChatRoom", roomId));
        ChatMessage message = ChatAccess.message(messages, roomId, messageId);
        return message.delete(actor.userId(), creator.equals(actor.userId()), change, clock)
                ? messages.save(message)
                : message;
    }
}
