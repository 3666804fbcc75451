package io.strata.application.identity;

import io.strata.domain.identity.BulkUserChange;
import io.strata.domain.identity.UserId;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.Clock;
import io.strata.domain.shared.ConflictException;
import io.strata.domain.shared.Tags;
import io.strata.domain.shared.ValidationException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Bulk changes run as one UPDATE. A deactivated user's sessions stop working at once because
 * authentication checks the user's status on every request.
 */
@Singleton
public class BulkUpdateUsersService implements BulkUpdateUsersUseCase {
    private final UserRepository users;
    private final Clock clock;

    public BulkUpdateUsersService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int bulkUpdate(Command command) {
        UserAccess.requireAdmin(command.actor(), "bulk-update users");
        if (command.userIds() == null || command.userIds().isEmpty() || command.userIds().size() > MAX_IDS) {
            throw new ValidationException("ids", "give 1 to " + MAX_IDS + " user ids");
        }
        Set<UserId> ids = new LinkedHashSet<>(command.userIds());
        BulkUserChange change = new BulkUserChange(command.status(), command.role(), Tags.of(command.addTags()),
                Tags.of(command.removeTags()));
        if ((change.status() != null || change.role() != null)
                && ids.contains(new UserId(command.actor().userId()))) {
            throw new ConflictException("an ADMIN cannot change their own role or status in a bulk update");
        }
        return users.bulkUpdate(ids, change, clock.now());
    }
}
