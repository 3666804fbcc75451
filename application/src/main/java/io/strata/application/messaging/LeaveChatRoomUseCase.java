package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.user.Actor;

/** A member leaves a room; to a non-member the room does not exist (404). */
@UseCase
public interface LeaveChatRoomUseCase {
    void leave(Actor actor, ChatRoomId roomId);
}
