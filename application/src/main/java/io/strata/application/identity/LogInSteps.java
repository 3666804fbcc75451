package io.strata.application.identity;

import io.strata.application.identity.LogInUseCase.Command;
import io.strata.application.identity.LogInUseCase.LoggedIn;
import io.strata.application.shared.Rerunnable;
import io.strata.domain.identity.ClientInfo;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.LoginAttempts;
import io.strata.domain.identity.Session;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.StoredPassword;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.UnauthenticatedException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * The two transactions of {@link LogInService}, which checks the password between them: the argon2id check
 * holds no pooled connection, so a burst of log-ins cannot starve every other request of the pool. Both only read
 * and write rows, so both are {@link Rerunnable}: the platform runs them on its plain transaction.
 */
@Singleton
public class LogInSteps {
    static final String GENERIC_FAILURE = "invalid email or password";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final UserCredentials credentials;
    private final LoginThrottle throttle;
    private final IdentityPolicy policy;
    private final Clock clock;

    public LogInSteps(
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

    /** An attempt past the throttles: the user the e-mail names (if any) and the password stored for them. */
    public record Attempt(String accountKey, String ipKey, Optional<User> user, StoredPassword password) {
        @Override
        public String toString() {
            return "LogInAttempt[" + accountKey + "]";
        }
    }

    /**
     * Reads only: the throttles (a 429 when either counter is full), the user, their stored password. Not declared
     * read-only on purpose: a read-only transaction may go to a replica, which could miss a user who just signed up or
     * the failures counted a moment ago.
     */
    @Transactional
    @Rerunnable
    public Attempt begin(Command command) {
        Instant now = clock.now();
        String accountKey = LoginThrottle.accountKey(command.email());
        String ipKey = LoginThrottle.ipKey(command.ipAddress());
        throttle.check(accountKey, policy.maxFailuresPerAccount(), now);
        throttle.check(ipKey, policy.maxFailuresPerIp(), now);
        Optional<User> user = parseEmail(command.email()).flatMap(users::findByEmail);
        return new Attempt(
                accountKey, ipKey, user, credentials.load(user.map(User::id).orElse(null)));
    }

    /**
     * A failure is counted on both keys and must survive the 401, so it does not roll back. A success is checked
     * once more against the rows as they are now (the user may have been deactivated, or the password changed,
     * while the hash was checked), then clears the account's counter, puts {@code rehashed} (null: none) in place
     * of the hash made with earlier parameters that was checked, and opens the session.
     */
    @Transactional(dontRollbackOn = UnauthenticatedException.class)
    @Rerunnable
    public LoggedIn finish(Attempt attempt, boolean passwordMatches, HashedPassword rehashed, Command command) {
        Instant now = clock.now();
        Optional<User> user = passwordMatches
                ? attempt.user().flatMap(u -> users.findById(u.id())).filter(User::isActive)
                : Optional.empty();
        if (user.isEmpty() || !credentials.load(user.get().id()).equals(attempt.password())) {
            throttle.recordFailure(attempt.accountKey(), now);
            throttle.recordFailure(attempt.ipKey(), now);
            throw new UnauthenticatedException(GENERIC_FAILURE);
        }
        throttle.clear(attempt.accountKey());
        if (rehashed != null) {
            // only over the hash that was checked: a password changed meanwhile stays as it was changed
            credentials.replace(user.get().id(), attempt.password(), rehashed);
        }
        String token = SessionTokens.newToken();
        ClientInfo client = ClientInfo.of(command.ipAddress(), command.userAgent(), command.deviceInfo());
        Session session = sessions.add(
                Session.start(user.get().id(), SessionTokens.hash(token), client, policy.sessionTtl(), clock));
        return new LoggedIn(token, session, users.recordLogin(user.get().id(), now));
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(new Email(raw));
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }
}
