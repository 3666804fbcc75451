package io.strata.application.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.Clock;
import io.strata.domain.shared.ThrottledException;
import io.strata.domain.shared.UnauthenticatedException;
import io.strata.domain.shared.ValidationException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

@Singleton
public class LogInService implements LogInUseCase {
    static final String GENERIC_FAILURE = "invalid email or password";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final UserCredentials credentials;
    private final LoginAttempts attempts;
    private final IdentityPolicy policy;
    private final Clock clock;

    public LogInService(UserRepository users, SessionRepository sessions, UserCredentials credentials,
                        LoginAttempts attempts, IdentityPolicy policy, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.credentials = credentials;
        this.attempts = attempts;
        this.policy = policy;
        this.clock = clock;
    }

    /** The failure counters must survive the failed request, so these exceptions do not roll back. */
    @Override
    @Transactional(dontRollbackOn = {UnauthenticatedException.class, ThrottledException.class})
    public LoggedIn logIn(Command command) {
        Instant now = clock.now();
        String accountKey = "account:" + (command.email() == null ? "" : command.email().strip().toLowerCase(Locale.ROOT));
        String ipKey = command.ipAddress() == null ? null : "ip:" + command.ipAddress();
        throttle(accountKey, policy.maxFailuresPerAccount(), now);
        if (ipKey != null) {
            throttle(ipKey, policy.maxFailuresPerIp(), now);
        }
        Optional<User> user = parseEmail(command.email()).flatMap(users::findByEmail);
        boolean matches = credentials.matches(user.map(User::id).orElse(null), Password.attempt(command.password()));
        if (!matches || !user.get().isActive()) {
            attempts.recordFailure(accountKey, now);
            if (ipKey != null) {
                attempts.recordFailure(ipKey, now);
            }
            throw new UnauthenticatedException(GENERIC_FAILURE);
        }
        attempts.clear(accountKey);
        String token = SessionTokens.newToken();
        Session session = sessions.add(Session.start(user.get().id(), SessionTokens.hash(token), command.deviceInfo(),
                command.ipAddress(), command.userAgent(), policy.sessionTtl(), clock));
        User loggedIn = users.recordLogin(user.get().id(), now);
        return new LoggedIn(token, session, loggedIn);
    }

    private void throttle(String key, int max, Instant now) {
        Instant since = now.minus(policy.failureWindow());
        if (attempts.failuresSince(key, since) >= max) {
            Instant oldest = attempts.oldestFailureSince(key, since);
            long retry = oldest == null ? policy.failureWindow().toSeconds()
                    : Math.max(1, Duration.between(now, oldest.plus(policy.failureWindow())).toSeconds());
            throw new ThrottledException("too many failed logins; retry in " + retry + " s", retry);
        }
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
