package io.strata.domain.shared.user;

import io.strata.domain.shared.model.Identifier;
import java.util.Objects;
import java.util.UUID;

/**
 * A user, as every context refers to one: by id. In the kernel because the acting user ({@link Actor}),
 * owners, members and assignees are users in every context, while the user aggregate is identity's.
 */
public record UserId(UUID value) implements Identifier {
    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId newId() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
