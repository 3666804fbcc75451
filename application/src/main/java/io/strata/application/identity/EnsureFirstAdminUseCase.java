package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.User;
import java.util.Optional;

/** On an empty database, creates the first ADMIN from configuration; otherwise does nothing. */
@UseCase
public interface EnsureFirstAdminUseCase {
    Optional<User> ensureFirstAdmin(Command command);

    record Command(String email, String password) {
        @Override
        public String toString() {
            return "EnsureFirstAdmin[" + email + "]";
        }
    }
}
