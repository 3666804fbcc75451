package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.shared.user.Actor;

/** Any signed-in user creates a room; they are its creator and first member. */
@UseCase
public interface CreateChatRoomUseCase {
    ChatRoom create(Command command);

    record Command(Actor actor, String name) {}
}
