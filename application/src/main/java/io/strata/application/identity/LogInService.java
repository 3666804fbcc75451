package io.strata.application.identity;

import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ThrottledException;
import io.strata.domain.shared.error.UnauthenticatedException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

@Singleton
public class LogInService implements LogInUseCase {
    static final String GENERIC_FAILURE = "invalid email or password";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final UserCredentials credentials;
    private final LoginThrottle throttle;
    private final IdentityPolicy policy;
    private final Clock clock;

    public LogInService(
            UserRepository users,
            SessionRepository sessions,
            UserCredentials credentials,
            LoginAttempts attempts,
            IdentityPolicy policy,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.credentials = credentials;
        this.throttle = new LoginThrottle(attempts, policy);
        this.policy = policy;
        this.clock = clock;
    }

    /** The failure counters must survive the failed request, so these exceptions do not roll back. */
    @Override
    @Transactional(dontRollbackOn = {UnauthenticatedException.class, ThrottledException.class})
    public LoggedIn logIn(Command command) {
        Instant now = clock.now();
        String accountKey = LoginThrottle.accountKey(command.email());
        String ipKey = LoginThrottle.ipKey(command.ipAddress());
        throttle.check(accountKey, policy.maxFailuresPerAccount(), now);
        throttle.check(ipKey, policy.maxFailuresPerIp(), now);
        Optional<User> user = parseEmail(command.email()).flatMap(users::findByEmail);
        boolean matches = credentials.matches(user.map(User::id).orElse(null), Password.attempt(command.password()));
        if (!matches || !user.get().isActive()) {
            throttle.recordFailure(accountKey, now);
            throttle.recordFailure(ipKey, now);
            throw new UnauthenticatedException(GENERIC_FAILURE);
        }
        throttle.clear(accountKey);
        String token = SessionTokens.newToken();
        ClientInfo client = ClientInfo.of(command.ipAddress(), command.userAgent(), command.deviceInfo());
        Session session = sessions.add(
                Session.start(user.get().id(), SessionTokens.hash(token), client, policy.sessionTtl(), clock));
        User loggedIn = users.recordLogin(user.get().id(), now);
        return new LoggedIn(token, session, loggedIn);
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
