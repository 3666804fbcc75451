package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.util.List;
import java.util.Optional;

/** Port: chat rooms with their members. Storing a room appends its events to the outbox, in the caller's transaction. */
@OutboundPort
public interface ChatRoomRepository {
    Optional<ChatRoom> findById(ChatRoomId id);

    /**
     * The room for {@link ChatRoom#join}. Row-level security shows a room to its members only, so this first stores
     * the joiner's membership when missing; then it reads the room, locked until the transaction ends when that
     * membership is new (the joins of one room apply one after another), and returns it as it was before this call:
     * without the membership just stored. The join stays the room's to decide and record; the stored membership
     * goes with the transaction if the room refuses it. Empty when there is no such room.
     */
    Optional<ChatRoom> findToJoin(ChatRoomId id, UserId joiner);

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
