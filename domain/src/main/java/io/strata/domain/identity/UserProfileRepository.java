package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.util.Optional;

/** Port: user profiles (1:1 with users). */
@OutboundPort
public interface UserProfileRepository {
    Optional<UserProfile> findByUserId(UserId userId);

    UserProfile add(UserProfile profile);

    /** Stores changes; a concurrent change committed first is a {@code StaleVersionException}. */
    UserProfile save(UserProfile profile);
}
