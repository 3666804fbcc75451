package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.util.List;
import java.util.Optional;

/** Port: chat rooms with their members. Storing a room appends its events to the outbox, in the caller's transaction. */
@OutboundPort
public interface ChatRoomRepository {
    Optional<ChatRoom> findById(ChatRoomId id);

    ChatRoom add(ChatRoom room);

    /** Stores changes (members) at the loaded version; a concurrent commit first is stale. */
    ChatRoom save(ChatRoom room);

    /** Whether the user is a member, without loading the room: one statement. */
    boolean isMember(ChatRoomId id, UserId user);

    /** The room's creator when the user is a member of it, else empty: one statement. */
    Optional<UserId> creatorIfMember(ChatRoomId id, UserId user);

    /**
     * Takes the room's next change number: one {@code UPDATE ... RETURNING} that also locks the room's row
     * until the transaction ends, so the changes of one room commit in the order of their numbers. Empty
     * when the room does not exist.
     */
    Optional<Long> nextChange(ChatRoomId id);

    /** The rooms the user is a member of, newest first (at most {@code limit}). */
    List<ChatRoom> ofMember(UserId user, int limit);
}
