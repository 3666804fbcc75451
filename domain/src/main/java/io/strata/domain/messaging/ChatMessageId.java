package io.strata.domain.messaging;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** A chat message's id. */
public record ChatMessageId(UUID value) implements Identifier {
    public ChatMessageId {
        Objects.requireNonNull(value, "ChatMessageId");
    }

    public static ChatMessageId newId() {
        return new ChatMessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
