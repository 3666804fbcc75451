package io.strata.domain.identity;

import java.util.Objects;

/** A user and its profile, which may be null when the user has none yet. */
public record UserWithProfile(User user, UserProfile profile) {
    public UserWithProfile {
        Objects.requireNonNull(user, "user");
    }
}
