package io.strata.application.identity;

import io.strata.domain.identity.BulkUserChange;
import io.strata.domain.identity.SessionRepository;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Tags;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** Bulk changes run as one UPDATE; deactivating also revokes the users' sessions, as for one user. */
@Singleton
public class BulkUpdateUsersService implements BulkUpdateUsersUseCase {
    private final UserRepository users;
    private final SessionRepository sessions;
    private final Clock clock;

    public BulkUpdateUsersService(UserRepository users, SessionRepository sessions, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int bulkUpdate(Command command) {
        command.actor().requireAdmin("bulk-update users");
        if (command.userIds() == null
                || command.userIds().isEmpty()
                || command.userIds().size() > MAX_IDS) {
            throw new ValidationException("ids", "give 1 to " + MAX_IDS + " user ids");
        }
        Set<UserId> ids = new LinkedHashSet<>(command.userIds());
        BulkUserChange change = new BulkUserChange(
                command.status(), command.role(), Tags.of(command.addTags()), Tags.of(command.removeTags()));
        if ((change.status() != null || change.role() != null)
                && ids.contains(command.actor().userId())) {
            throw new ConflictException("an ADMIN cannot change their own role or status in a bulk update");
        }
        Instant now = clock.now();
        int affected = users.bulkUpdate(ids, change, now);
        if (change.status() == UserStatus.INACTIVE) {
            sessions.revokeAllOf(ids, now);
        }
        return affected;
    }
}
