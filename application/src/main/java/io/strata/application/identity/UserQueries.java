package io.strata.application.identity;

import io.strata.application.shared.Query;
import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.util.List;

/**
 * Reads of users. A USER or GUEST sees only themselves (others are "not found"); MANAGER and ADMIN
 * read everyone. Listing, stats and tag counts need MANAGER or ADMIN.
 */
@Query
public interface UserQueries {
    int MAX_BATCH = 200;

    User get(Actor actor, UserId id);

    UserWithProfile getWithProfile(Actor actor, UserId id);

    /** Read like the user: self, MANAGER and ADMIN (changing it is for the owner and ADMIN only). */
    UserProfile getProfile(Actor actor, UserId id);

    Page<User> search(Actor actor, SearchCriteria criteria, PageRequest page);

    List<UserWithProfile> batchGet(Actor actor, List<UserId> ids);

    List<TagCount> tagCounts(Actor actor, int limit);

    UserStatistics statistics(Actor actor);
}
