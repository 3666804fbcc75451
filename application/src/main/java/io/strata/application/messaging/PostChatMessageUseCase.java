package io.strata.application.messaging;

import io.strata.application.shared.UseCase;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/** A member posts a message, or a reply when {@code replyToId} is set; attachments are files the sender may read. */
@UseCase
public interface PostChatMessageUseCase {
    ChatMessage post(Command command);

    record Command(
            Actor actor, ChatRoomId roomId, String content, ChatMessageId replyToId, List<AttachmentId> attachments) {}
}
