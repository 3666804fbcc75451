package io.strata.domain.messaging;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** A file of the content context attached to a message, by its id only (messaging never holds the file). */
public record AttachmentId(UUID value) implements Identifier {
    public AttachmentId {
        Objects.requireNonNull(value, "AttachmentId");
    }

    public static AttachmentId newId() {
        return new AttachmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
