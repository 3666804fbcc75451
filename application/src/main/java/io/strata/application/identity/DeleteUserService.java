package io.strata.application.identity;

import io.strata.application.shared.Rerunnable;
import io.strata.application.shared.user.UserReferences;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Before deleting, asks every context what of theirs still refers to the user ({@link UserReferences}),
 * so that the 409 says what to transfer first; identity itself knows no other context.
 */
@Singleton
public class DeleteUserService implements DeleteUserUseCase {
    private final UserRepository users;
    private final List<UserReferences> references;
    private final Clock clock;

    public DeleteUserService(UserRepository users, List<UserReferences> references, Clock clock) {
        this.users = users;
        this.references = references;
        this.clock = clock;
    }

    @Override
    @Transactional
    // the reads, the row's delete with its cascade and its event are all in the transaction (the principal cache
    // drops the user's entries, again on a rerun, and other instances hear of it from a trigger at commit): after a
    // deadlock with a write of one of the user's sessions (the cascade locks them), the platform runs it again
    // instead of answering 409
    @Rerunnable
    public void delete(Command command) {
        User user = UserAccess.loadForAdmin(users, command.actor(), command.userId(), "delete users");
        if (command.actor().is(user.id())) {
            throw new ConflictException("an ADMIN cannot delete themselves");
        }
        Versioned.require("User", user.id(), command.expectedVersion(), user.version());
        List<String> blocking = references.stream()
                .map(reference -> reference.blockingDeletion(user.id()))
                .flatMap(Optional::stream)
                .sorted()
                .toList();
        if (!blocking.isEmpty()) {
            throw new ConflictException("user " + user.id() + " still " + String.join(" and ", blocking)
                    + "; transfer or delete them first");
        }
        user.delete(clock);
        users.delete(user);
    }
}
