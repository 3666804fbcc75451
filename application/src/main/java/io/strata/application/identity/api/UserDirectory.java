package io.strata.application.identity.api;

import io.strata.application.shared.Query;
import io.strata.domain.shared.user.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Identity's published query API: the facts about users that other contexts may ask for. Other
 * contexts never read identity's tables, entities or repositories; an adapter of theirs (for
 * workspace, {@code WorkspaceUsersFromIdentity}) implements their own port by calling this interface.
 * Speaks kernel types only, so a caller depends on nothing else of identity. Runs in the caller's
 * transaction when there is one.
 */
@Query
public interface UserDirectory {
    /** Which of {@code ids} belong to existing users (active or not); one statement. */
    Set<UserId> existing(Collection<UserId> ids);

    /** Up to {@code limit} active users, newest first; one statement. */
    List<UserId> newestActive(int limit);

    /**
     * The users whose e-mail is one of {@code addresses} (compared case-insensitively), keyed by the address
     * as given; addresses of no user, or that are no valid address, are left out. One lookup per address:
     * callers pass a bounded list (a message's recipients).
     */
    Map<String, UserId> byEmail(Collection<String> addresses);

    /** The user's e-mail address (lower case); empty when there is no such user. One statement. */
    Optional<String> emailOf(UserId id);
}
