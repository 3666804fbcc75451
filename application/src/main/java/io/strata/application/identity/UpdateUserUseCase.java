package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.User;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;

/** Applies a merge patch to a user at an expected version (self: names, tags, preferences; ADMIN: all). */
@UseCase
public interface UpdateUserUseCase {
    User update(Command command);

    record Command(Actor actor, UserId userId, long expectedVersion, UserPatch patch) {}
}
