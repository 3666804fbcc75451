package io.strata.application.messaging;

import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageRepository;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class PostChatMessageService implements PostChatMessageUseCase {
    private final ChatRoomRepository rooms;
    private final ChatMessageRepository messages;
    private final MessagingFiles files;
    private final Clock clock;

    public PostChatMessageService(
            ChatRoomRepository rooms, ChatMessageRepository messages, MessagingFiles files, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.files = files;
        this.clock = clock;
    }

    /** Membership first (404), then the attachments (400), then the room's next change number (locks the room). */
    @Override
    @Transactional
    public ChatMessage post(Command command) {
        ChatAccess.requireMember(rooms, command.actor(), command.roomId());
        ChatAccess.requireReadable(files, command.actor(), command.attachments());
        ChatMessage repliedTo = command.replyToId() == null
                ? null
                : messages.findById(command.replyToId())
                        .orElseThrow(() -> new ValidationException("replyToId", "no message " + command.replyToId()));
        long change = rooms.nextChange(command.roomId())
                .orElseThrow(() -> new NotFoundException("ChatRoom", command.roomId()));
        return messages.add(ChatMessage.post(
                command.roomId(),
                command.actor().userId(),
                command.content(),
                repliedTo,
                command.attachments(),
                change,
                clock));
    }
}
