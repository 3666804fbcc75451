package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.user.Actor;

/** Joins a room by its id (the id is the invitation); joining twice changes nothing. */
@UseCase
public interface JoinChatRoomUseCase {
    ChatRoom join(Actor actor, ChatRoomId roomId);
}
