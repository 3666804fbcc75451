package io.strata.application.messaging;

import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class CreateChatRoomService implements CreateChatRoomUseCase {
    private final ChatRoomRepository rooms;
    private final Clock clock;

    public CreateChatRoomService(ChatRoomRepository rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ChatRoom create(Command command) {
        return rooms.add(ChatRoom.create(command.name(), command.actor().userId(), clock));
    }
}
