package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.util.Map;

/**
 * Creates or replaces a user's profile (self or ADMIN). Replacing needs the expected version;
 * creating needs none.
 */
@UseCase
public interface UpsertProfileUseCase {
    Result upsert(Command command);

    record Command(
            Actor actor,
            UserId userId,
            Long expectedVersion,
            String bio,
            String avatarUrl,
            Map<String, Object> preferences) {}

    record Result(UserProfile profile, boolean created) {}
}
