package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.User;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import java.util.Map;
import java.util.Set;

/**
 * Creates a user. Anyone may register as USER; only an ADMIN may choose another role. Anonymous sign-ups
 * are throttled per client IP ({@link SignUpThrottle}); an ADMIN's are not.
 */
@UseCase
public interface RegisterUserUseCase {
    User register(Command command);

    /** {@code actor} is null for an anonymous sign-up; {@code ipAddress} is the client's (null when unknown). */
    record Command(
            Actor actor,
            String email,
            String username,
            String password,
            String firstName,
            String lastName,
            Role role,
            Set<String> tags,
            Map<String, Object> preferences,
            String ipAddress) {}
}
