package io.strata.application.identity;

import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class DeleteUserService implements DeleteUserUseCase {
    private final UserRepository users;
    private final Clock clock;

    public DeleteUserService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void delete(Command command) {
        User user = UserAccess.loadForAdmin(users, command.actor(), command.userId(), "delete users");
        if (command.actor().is(user.id())) {
            throw new ConflictException("an ADMIN cannot delete themselves");
        }
        Versioned.require("User", user.id(), command.expectedVersion(), user.version());
        user.delete(clock);
        users.delete(user);
    }
}
