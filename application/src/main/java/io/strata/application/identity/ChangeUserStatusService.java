package io.strata.application.identity;

import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
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
        User user = UserAccess.loadForAdmin(users, command.actor(), command.userId(), "activate or deactivate users");
        if (command.status() == UserStatus.INACTIVE && command.actor().is(user.id())) {
            throw new ConflictException("an ADMIN cannot deactivate themselves");
        }
        user.changeStatus(command.status(), clock);
        if (command.status() == UserStatus.INACTIVE) {
            sessions.revokeAllExcept(user.id(), null, clock.now());
        }
        return users.save(user);
    }
}
