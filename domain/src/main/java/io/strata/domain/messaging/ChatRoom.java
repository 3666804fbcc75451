package io.strata.domain.messaging;

import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A chat room: a name, its creator and its members. Only members read or post; the creator may delete
 * any message of the room. Joining twice or leaving a room one is not in changes nothing.
 */
public final class ChatRoom extends AggregateRoot {
    public static final int NAME_MAX = 200;

    private final ChatRoomId id;
    private String name;
    private final UserId creatorId;
    private final Set<UserId> members;
    private AuditStamp stamp;

    private ChatRoom(ChatRoomId id, String name, UserId creatorId, Set<UserId> members, AuditStamp stamp) {
        this.id = id;
        this.name = name;
        this.creatorId = creatorId;
        this.members = new LinkedHashSet<>(members == null ? Set.of() : members);
        this.stamp = stamp;
    }

    /** A new room whose only member is its creator. */
    public static ChatRoom create(String name, UserId creatorId, Clock clock) {
        Instant now = clock.now();
        ChatRoom room = new ChatRoom(
                ChatRoomId.newId(),
                Text.required("name", name, NAME_MAX),
                creatorId,
                Set.of(creatorId),
                AuditStamp.createdAt(now));
        room.record(new ChatRoomCreated(room.id, room.name, creatorId, now));
        return room;
    }

    /** Loads a stored room: no validation, no events. */
    public static ChatRoom reconstitute(
            ChatRoomId id, String name, UserId creatorId, Set<UserId> members, AuditStamp stamp) {
        return new ChatRoom(id, name, creatorId, members, stamp);
    }

    /** Adds the user; true when that changed the room. */
    public boolean join(UserId user, Clock clock) {
        if (!members.add(user)) {
            return false;
        }
        Instant now = clock.now();
        stamp = stamp.touchedAt(now);
        record(new ChatRoomJoined(id, user, now));
        return true;
    }

    /** Removes the user (the creator too: it keeps the right to delete messages); true when that changed the room. */
    public boolean leave(UserId user, Clock clock) {
        if (!members.remove(user)) {
            return false;
        }
        Instant now = clock.now();
        stamp = stamp.touchedAt(now);
        record(new ChatRoomLeft(id, user, now));
        return true;
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }

    public boolean isCreator(UserId user) {
        return creatorId.equals(user);
    }

    public ChatRoomId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UserId creatorId() {
        return creatorId;
    }

    public Set<UserId> members() {
        return Collections.unmodifiableSet(members);
    }

    public AuditStamp stamp() {
        return stamp;
    }

    public long version() {
        return stamp.version();
    }
}
