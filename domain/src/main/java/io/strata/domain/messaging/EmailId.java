package io.strata.domain.messaging;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/** An e-mail's id; a thread is named by the id of its first e-mail. */
public record EmailId(UUID value) implements Identifier {
    public EmailId {
        Objects.requireNonNull(value, "EmailId");
    }

    public static EmailId newId() {
        return new EmailId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
