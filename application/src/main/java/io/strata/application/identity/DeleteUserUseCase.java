package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;

/** Deletes a user with profile and sessions (ADMIN, at an expected version). */
@UseCase
public interface DeleteUserUseCase {
    void delete(Command command);

    record Command(Actor actor, UserId userId, long expectedVersion) {}
}
