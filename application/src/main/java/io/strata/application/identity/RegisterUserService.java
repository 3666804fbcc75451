package io.strata.application.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.Tags;
import jakarta.inject.Singleton;

/**
 * Not transactional itself: it validates (no database), counts an anonymous attempt
 * ({@link SignUpThrottle}, its own transaction, so a 409 still counts), then stores the user
 * ({@link UserRegistration}, one transaction).
 */
@Singleton
public class RegisterUserService implements RegisterUserUseCase {
    private final UserRegistration registration;
    private final UserCredentials credentials;
    private final SignUpThrottle signUps;
    private final Clock clock;

    public RegisterUserService(
            UserRegistration registration, UserCredentials credentials, SignUpThrottle signUps, Clock clock) {
        this.registration = registration;
        this.credentials = credentials;
        this.signUps = signUps;
        this.clock = clock;
    }

    @Override
    public User register(Command command) {
        Role role = command.role() == null ? Role.USER : command.role();
        if (role != Role.USER && (command.actor() == null || !command.actor().isAdmin())) {
            throw new ForbiddenException("only an ADMIN may register a user with role " + role);
        }
        ValidationCollector checks = new ValidationCollector();
        Email email = checks.check(() -> new Email(command.email()));
        Username username = checks.check(() -> new Username(command.username()));
        Password password = checks.check(() -> Password.newPassword("password", command.password()));
        Tags tags = checks.check(() -> Tags.of(command.tags()));
        User draft = checks.check(() -> email == null || username == null || tags == null
                ? null
                : User.create(
                        email,
                        username,
                        command.firstName(),
                        command.lastName(),
                        role,
                        tags,
                        command.preferences(),
                        clock));
        checks.throwIfAny();
        if (command.actor() == null) {
            signUps.admit(command.ipAddress()); // before the answer that says whether the e-mail is taken
        }
        return registration.store(draft, credentials.hash(password)); // hashed before the transaction
    }
}
