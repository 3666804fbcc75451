package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.Actor;

/** Changes the actor's own password after checking the current one; revokes their other sessions. */
@UseCase
public interface ChangePasswordUseCase {
    /** Returns how many other sessions were revoked. */
    int changePassword(Command command);

    record Command(Actor actor, SessionId currentSession, String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[" + actor + "]";
        }
    }
}
