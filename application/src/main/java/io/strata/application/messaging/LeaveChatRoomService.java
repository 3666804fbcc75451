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
public class LeaveChatRoomService implements LeaveChatRoomUseCase {
    private final ChatRoomRepository rooms;
    private final Clock clock;

    public LeaveChatRoomService(ChatRoomRepository rooms, Clock clock) {
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void leave(Actor actor, ChatRoomId roomId) {
        ChatRoom room = rooms.findById(roomId)
                .filter(r -> r.hasMember(actor.userId()))
                .orElseThrow(() -> new NotFoundException("ChatRoom", roomId));
        room.leave(actor.userId(), clock);
        rooms.save(room);
    }
}
