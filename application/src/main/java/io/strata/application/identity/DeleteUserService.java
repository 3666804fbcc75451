package io.strata.application.identity;

import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.ConflictException;
import io.strata.domain.shared.NotFoundException;
import io.strata.domain.shared.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class DeleteUserService implements DeleteUserUseCase {
    private final UserRepository users;

    public DeleteUserService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional
    public void delete(Command command) {
        UserAccess.requireVisible(command.actor(), command.userId());
        UserAccess.requireAdmin(command.actor(), "delete users");
        if (command.actor().is(command.userId().value())) {
            throw new ConflictException("an ADMIN cannot delete themselves");
        }
        User user = users.findById(command.userId()).orElseThrow(() -> new NotFoundException("User", command.userId()));
        Versioned.require("User", user.id(), command.expectedVersion(), user.version());
        users.delete(user.id());
    }
}
