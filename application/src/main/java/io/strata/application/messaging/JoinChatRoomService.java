package io.strata.application.messaging;

import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class JoinChatRoomService implements JoinChatRoomUseCase {
    private final ChatRoomRepository rooms;
    private final Clock clock;

    public JoinChatRoomService(ChatRoomRepository rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ChatRoom join(Actor actor, ChatRoomId roomId) {
        ChatRoom room =
                rooms.findToJoin(roomId, actor.userId()).orElseThrow(() -> new NotFoundException("ChatRoom", roomId));
        return room.join(actor.userId(), clock) ? rooms.save(room) : room;
    }
}
