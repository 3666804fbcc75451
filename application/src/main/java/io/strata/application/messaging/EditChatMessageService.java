package io.strata.application.messaging;

import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageRepository;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class EditChatMessageService implements EditChatMessageUseCase {
    private final ChatRoomRepository rooms;
    private final ChatMessageRepository messages;
    private final Clock clock;

    public EditChatMessageService(ChatRoomRepository rooms, ChatMessageRepository messages, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The room's change number is taken (and the room locked) before the message is read, so the message is
     * the one the previous change of the room committed.
     */
    @Override
    @Transactional
    public ChatMessage edit(Command command) {
        ChatAccess.requireMember(rooms, command.actor(), command.roomId());
        long change = rooms.nextChange(command.roomId())
                .orElseThrow(() -> new NotFoundException("ChatRoom", command.roomId()));
        ChatMessage message = ChatAccess.message(messages, command.roomId(), command.messageId());
        return message.edit(command.actor().userId(), command.content(), change, clock)
                ? messages.save(message)
                : message;
    }
}
