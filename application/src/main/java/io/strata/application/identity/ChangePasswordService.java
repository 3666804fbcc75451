package io.strata.application.identity;

import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.UserCredentials;
import jakarta.inject.Singleton;

/**
 * Checks the current password and hashes the new one between two short transactions ({@link ChangePasswordSteps}),
 * so neither argon2id computation holds a pooled connection.
 */
@Singleton
public class ChangePasswordService implements ChangePasswordUseCase {
    private final ChangePasswordSteps steps;
    private final UserCredentials credentials;

    public ChangePasswordService(ChangePasswordSteps steps, UserCredentials credentials) {
        this.steps = steps;
        this.credentials = credentials;
    }

    @Override
    public int changePassword(Command command) {
        ChangePasswordSteps.Change change = steps.begin(command);
        boolean matches = change.current().matches(Password.attempt(command.currentPassword()));
        HashedPassword next = matches ? credentials.hash(change.next()) : null;
        return steps.finish(change, matches, next, command);
    }
}
