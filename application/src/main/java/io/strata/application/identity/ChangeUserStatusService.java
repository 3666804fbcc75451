package io.strata.application.identity;

import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.Clock;
import io.strata.domain.shared.ConflictException;
import io.strata.domain.shared.NotFoundException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ChangeUserStatusService implements ChangeUserStatusUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;

    public ChangeUserStatusService(UserRepository users, SessionRepository sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public User changeStatus(Command command) {
        UserAccess.requireVisible(command.actor(), command.userId());
        UserAccess.requireAdmin(command.actor(), "activate or deactivate users");
        if (command.status() == UserStatus.INACTIVE && command.actor().is(command.userId().value())) {
            throw new ConflictException("an ADMIN cannot deactivate themselves");
        }
        User user = users.findById(command.userId()).orElseThrow(() -> new NotFoundException("User", command.userId()));
        user.changeStatus(command.status(), clock);
        if (command.status() == UserStatus.INACTIVE) {
            sessions.revokeAllExcept(user.id(), null, clock.now());
        }
        return users.save(user);
    }
}
