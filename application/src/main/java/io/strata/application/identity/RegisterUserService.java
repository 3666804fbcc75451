package io.strata.application.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.ValidationCollector;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.Tags;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class RegisterUserService implements RegisterUserUseCase {
    private final UserRepository users;
    private final UserCredentials credentials;
    private final Clock clock;

    public RegisterUserService(UserRepository users, UserCredentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    @Transactional
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
        User draft = checks.check(() -> email == null || username == null || tags == null ? null
                : User.create(email, username, command.firstName(), command.lastName(), role, tags,
                        command.preferences(), clock));
        checks.throwIfAny();
        if (users.existsByEmail(email)) {
            throw new ConflictException("email " + email + " is already registered");
        }
        if (users.existsByUsername(username)) {
            throw new ConflictException("username " + username + " is already taken");
        }
        User user = users.add(draft);
        credentials.store(user.id(), password);
        return user;
    }
}
