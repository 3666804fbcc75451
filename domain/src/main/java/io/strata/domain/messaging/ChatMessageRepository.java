package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import java.util.List;
import java.util.Optional;

/**
 * Port: chat messages and their edit history. Every list is one statement whatever its size. Storing a
 * message appends its events to the outbox, in the caller's transaction.
 */
@OutboundPort
public interface ChatMessageRepository {
    Optional<ChatMessage> findById(ChatMessageId id);

    ChatMessage add(ChatMessage message);

    /** Stores changes at the loaded version, with the edit-history entry the change archived (or its purge). */
    ChatMessage save(ChatMessage message);

    /**
     * A page of the room's messages, newest first, in keyset order on (createdAt, id): {@code before} (older
     * than that position), {@code after} (newer), or neither (the newest). A cursor that was not made by this
     * list is a {@code ValidationException} on its parameter.
     */
    ChatHistoryPage history(ChatRoomId roomId, String before, String after, int limit);

    /** Messages of the room changed after {@code since} (by change number, ascending), at most {@code limit}. */
    List<ChatMessage> changedSince(ChatRoomId roomId, long since, int limit);

    /** The replies of a thread, oldest first, at most {@code limit}. */
    List<ChatMessage> thread(ChatMessageId first, int limit);

    /** The edit history of a message, oldest first. */
    List<ChatEdit> edits(ChatMessageId id);
}
