package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.user.Actor;

/** The sender or the room's creator deletes a message: it keeps its place without content or edit history. */
@UseCase
public interface DeleteChatMessageUseCase {
    ChatMessage delete(Actor actor, ChatRoomId roomId, ChatMessageId messageId);
}
