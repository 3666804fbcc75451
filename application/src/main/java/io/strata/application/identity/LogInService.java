package io.strata.application.identity;

import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.UserCredentials;
import jakarta.inject.Singleton;

/**
 * Log-in in two short transactions ({@link LogInSteps}) with the password check between them, outside any: the
 * check costs tens of milliseconds of argon2id and waits its turn for hashing memory, and a connection held
 * meanwhile would be one the rest of the API could not use. A password that matched a hash made with earlier
 * parameters is hashed again there too, and the second transaction stores it.
 */
@Singleton
public class LogInService implements LogInUseCase {
    private final LogInSteps steps;
    private final UserCredentials credentials;

    public LogInService(LogInSteps steps, UserCredentials credentials) {
        this.steps = steps;
        this.credentials = credentials;
    }

    @Override
    public LoggedIn logIn(Command command) {
        LogInSteps.Attempt attempt = steps.begin(command);
        Password password = Password.attempt(command.password());
        boolean matches = attempt.password().matches(password);
        HashedPassword rehashed = matches && attempt.password().wantsRehash() ? credentials.hash(password) : null;
        return steps.finish(attempt, matches, rehashed, command);
    }
}
