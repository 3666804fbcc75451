package io.strata.application.identity;

import io.strata.domain.identity.Password;
import jakarta.inject.Singleton;

/**
 * Log-in in two short transactions ({@link LogInSteps}) with the password check between them, outside any: the
 * check costs tens of milliseconds of argon2id and waits its turn for hashing memory, and a connection held
 * meanwhile would be one the rest of the API could not use.
 */
@Singleton
public class LogInService implements LogInUseCase {
    private final LogInSteps steps;

    public LogInService(LogInSteps steps) {
        this.steps = steps;
    }

    @Override
    public LoggedIn logIn(Command command) {
        LogInSteps.Attempt attempt = steps.begin(command);
        boolean matches = attempt.password().matches(Password.attempt(command.password()));
        return steps.finish(attempt, matches, command);
    }
}
