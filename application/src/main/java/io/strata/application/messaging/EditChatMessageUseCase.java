package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.user.Actor;

/** The sender changes a message's content; the previous content joins the edit history. */
@UseCase
public interface EditChatMessageUseCase {
    ChatMessage edit(Command command);

    record Command(Actor actor, ChatRoomId roomId, ChatMessageId messageId, String content) {}
}
