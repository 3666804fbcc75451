package io.strata.application.identity;

import io.strata.application.shared.Rerunnable;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.Password;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.Tags;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

@Singleton
public class EnsureFirstAdminService implements EnsureFirstAdminUseCase {
    private final UserRepository users;
    private final UserCredentials credentials;
    private final Clock clock;

    public EnsureFirstAdminService(UserRepository users, UserCredentials credentials, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    @Transactional
    @Rerunnable
    public Optional<User> ensureFirstAdmin(Command command) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        Email email = new Email(command.email());
        Password password = Password.newPassword("STRATA_ADMIN_PASSWORD", command.password());
        User admin =
                users.add(User.create(email, usernameFor(email), null, null, Role.ADMIN, Tags.none(), Map.of(), clock));
        credentials.store(admin.id(), credentials.hash(password)); // once, at the first start
        return Optional.of(admin);
    }

    /** The e-mail's local part, reduced to the username alphabet. */
    static Username usernameFor(Email email) {
        String local = email.value().substring(0, email.value().indexOf('@')).replaceAll("[^a-z0-9_.-]", "_");
        if (local.length() < 3) {
            local = "admin";
        }
        return new Username(local.length() > 50 ? local.substring(0, 50) : local);
    }
}
