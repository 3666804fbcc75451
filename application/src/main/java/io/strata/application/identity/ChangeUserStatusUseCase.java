package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;

/** Activates or deactivates a user (ADMIN). Deactivation revokes the user's sessions. */
@UseCase
public interface ChangeUserStatusUseCase {
    User changeStatus(Command command);

    record Command(Actor actor, UserId userId, UserStatus status) {}
}
