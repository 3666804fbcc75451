package io.strata.domain.events;

import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Identifier;
import java.util.UUID;

/** The id of an {@link EventSink}. */
public record SinkId(UUID value) implements Identifier {
    public SinkId {
        if (value == null) {
            throw new ValidationException("id", "is required");
        }
    }

    public static SinkId newId() {
        return new SinkId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
