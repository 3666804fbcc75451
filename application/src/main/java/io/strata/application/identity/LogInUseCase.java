package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.User;
import java.util.Map;

/**
 * Starts a session for e-mail + password. Wrong password, unknown e-mail and inactive user all give
 * the same {@code UnauthenticatedException}; too many failures per account or IP give
 * {@code ThrottledException}.
 */
@UseCase
public interface LogInUseCase {
    LoggedIn logIn(Command command);

    record Command(String email, String password, String ipAddress, String userAgent, Map<String, Object> deviceInfo) {
        @Override
        public String toString() {
            return "LogIn[" + email + " from " + ipAddress + "]";
        }
    }

    /** The bearer token is returned exactly once, here; only its hash is stored. */
    record LoggedIn(String token, Session session, User user) {}
}
