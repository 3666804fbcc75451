package io.strata.application.identity;

import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.value.JsonMergePatch;
import io.strata.domain.shared.value.Tags;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Map;

@Singleton
public class UpdateUserService implements UpdateUserUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;

    public UpdateUserService(UserRepository users, SessionRepository sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public User update(Command command) {
        User user = UserAccess.loadForChange(users, command.actor(), command.userId());
        Versioned.require("User", user.id(), command.expectedVersion(), user.version());
        UserPatch patch = command.patch();
        if (patch.role().present() || patch.status().present()) {
            command.actor().requireAdmin("change role or status");
            if (command.actor().is(user.id())) {
                boolean demotes = patch.role().present() && patch.role().value() != Role.ADMIN;
                boolean deactivates = patch.status().present() && patch.status().value() == UserStatus.INACTIVE;
                if (demotes || deactivates) {
                    throw new ConflictException("an ADMIN cannot demote or deactivate themselves");
                }
            }
        }
        if (patch.firstName().present() || patch.lastName().present()) {
            user.rename(
                    patch.firstName().present() ? patch.firstName().value() : user.firstName(),
                    patch.lastName().present() ? patch.lastName().value() : user.lastName(),
                    clock);
        }
        patch.tags().ifPresent(tags -> user.retag(Tags.of(tags), clock));
        patch.preferences()
                .ifPresent(merge -> user.changePreferences(
                        merge == null ? Map.of() : JsonMergePatch.apply(user.preferences(), merge), clock));
        patch.role().ifPresent(role -> user.changeRole(role, clock));
        patch.status().ifPresent(status -> {
            user.changeStatus(status, clock);
            if (status == UserStatus.INACTIVE) {
                sessions.revokeAllExcept(user.id(), null, clock.now());
            }
        });
        return users.save(user);
    }
}
