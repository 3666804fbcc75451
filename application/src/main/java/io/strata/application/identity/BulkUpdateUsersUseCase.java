package io.strata.application.identity;

import io.strata.application.shared.UseCase;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.util.List;
import java.util.Set;

/** Changes status, role and/or tags of many users in one statement (ADMIN); returns the affected count. */
@UseCase
public interface BulkUpdateUsersUseCase {
    int MAX_IDS = 1000;

    int bulkUpdate(Command command);

    record Command(
            Actor actor,
            List<UserId> userIds,
            UserStatus status,
            Role role,
            Set<String> addTags,
            Set<String> removeTags) {}
}
