package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Row of {@code chat_rooms} with its members ({@code chat_room_members}) as an element collection: joining
 * or leaving moves the room's version. {@code last_change} is not mapped: only the one {@code UPDATE ...
 * RETURNING} of {@code ChatRoomPersistenceAdapter.nextChange} touches it.
 */
@Entity
@Table(name = "chat_rooms")
class ChatRoomJpaEntity extends AggregateJpaColumns {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "creator_id", nullable = false, updatable = false)
    private UUID creatorId;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "chat_room_members", joinColumns = @JoinColumn(name = "room_id"))
    @Column(name = "user_id", nullable = false)
    @OrderBy
    private Set<UUID> members = new LinkedHashSet<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public UUID getCreatorId() {
        return creatorId;
    }

    public void setCreatorId(UUID creatorId) {
        this.creatorId = creatorId;
    }

    public Set<UUID> getMembers() {
        return members;
    }

    public void setMembers(Set<UUID> members) {
        this.members = members;
    }
}
