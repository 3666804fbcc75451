package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.JpaMapperConfig;
import io.strata.adapters.persistence.shared.KernelJpaMappings;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.shared.user.UserId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;

/**
 * {@link ChatRoom} to and from {@link ChatRoomJpaEntity}. Members are copied onto the entity's live collection
 * in place, so that saving writes only the member rows that changed.
 */
@Mapper(config = JpaMapperConfig.class)
interface ChatRoomJpaMapper extends KernelJpaMappings, MessagingJpaMappings {

    /** Rebuilds the room with the entity's own (lazily loaded) members. */
    default ChatRoom toDomain(ChatRoomJpaEntity row) {
        return toDomain(row, row.getMembers());
    }

    /** Rebuilds the room with members loaded separately (a list loads them for all its rooms at once). */
    default ChatRoom toDomain(ChatRoomJpaEntity row, Collection<UUID> members) {
        return ChatRoom.reconstitute(
                chatRoomId(row.getId()), row.getName(), userId(row.getCreatorId()), userIds(members), stamp(row));
    }

    default ChatRoomJpaEntity toEntity(ChatRoom room) {
        ChatRoomJpaEntity row = new ChatRoomJpaEntity();
        row.setId(uuid(room.id()));
        row.setVersion(room.stamp().version());
        row.setCreatedAt(room.stamp().createdAt());
        row.setCreatorId(uuid(room.creatorId()));
        copyChanges(room, row);
        return row;
    }

    /** The mutable state: name, members (in place), updatedAt. */
    default void copyChanges(ChatRoom room, ChatRoomJpaEntity row) {
        row.setName(room.name());
        row.setUpdatedAt(room.stamp().updatedAt());
        Set<UUID> wanted =
                room.members().stream().map(UserId::value).collect(Collectors.toCollection(LinkedHashSet::new));
        row.getMembers().retainAll(wanted);
        row.getMembers().addAll(wanted);
    }
}
