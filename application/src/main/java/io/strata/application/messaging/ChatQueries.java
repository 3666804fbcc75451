package io.strata.application.messaging;

import io.strata.application.shared.Query;
import io.strata.domain.messaging.ChatEdit;
import io.strata.domain.messaging.ChatHistoryPage;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.user.Actor;
import java.util.List;

/** Reads of chat rooms: only members read a room and its messages; to anyone else the room does not exist. */
@Query
public interface ChatQueries {
    int MAX_LIMIT = 200;

    ChatRoom room(Actor actor, ChatRoomId id);

    /** The rooms the actor is a member of, newest first. */
    List<ChatRoom> myRooms(Actor actor, int limit);

    /** History, newest first, with keyset cursors on (createdAt, id). */
    ChatHistoryPage history(Actor actor, ChatRoomId roomId, String before, String after, int limit);

    /** What changed after the checkpoint: each changed message once, in its latest state, and the next checkpoint. */
    ChatChanges changes(Actor actor, ChatRoomId roomId, long since, int limit);

    /** The replies to a message, oldest first. */
    List<ChatMessage> thread(Actor actor, ChatRoomId roomId, ChatMessageId first, int limit);

    /** The edit history of a message, oldest first (empty once deleted). */
    List<ChatEdit> edits(Actor actor, ChatRoomId roomId, ChatMessageId id);

    /** Changed messages after a checkpoint, and the checkpoint to ask from next. */
    record ChatChanges(List<ChatMessage> messages, long checkpoint) {}
}
