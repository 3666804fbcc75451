package io.strata.domain.messaging;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** A chat room's id. */
public record ChatRoomId(UUID value) implements Identifier {
    public ChatRoomId {
        Objects.requireNonNull(value, "ChatRoomId");
    }

    public static ChatRoomId newId() {
        return new ChatRoomId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
