package io.strata.application.identity;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserProfileRepository;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;

@Singleton
@ReadOnlyTransaction
public class UserQueryService implements UserQueries {
    private final UserRepository users;
    private final UserProfileRepository profiles;
    private final Clock clock;

    public UserQueryService(UserRepository users, UserProfileRepository profiles, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public User get(Actor actor, UserId id) {
        UserAccess.requireVisible(actor, id);
        return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    @Override
    public UserWithProfile getWithProfile(Actor actor, UserId id) {
        UserAccess.requireVisible(actor, id);
        return users.findWithProfile(id).orElseThrow(() -> new NotFoundException("User", id));
    }

    @Override
    public UserProfile getProfile(Actor actor, UserId id) {
        UserAccess.requireVisible(actor, id);
        return profiles.findByUserId(id).orElseThrow(() -> new NotFoundException("Profile of user", id));
    }

    @Override
    public Page<User> search(Actor actor, SearchCriteria criteria, PageRequest page) {
        UserAccess.requireReader(actor, "list users");
        return users.search(criteria, page);
    }

    /** Readers get every known id; anyone else only themselves (other ids are silently absent). */
    @Override
    public List<UserWithProfile> batchGet(Actor actor, List<UserId> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > MAX_BATCH) {
            throw new ValidationException("ids", "give 1 to " + MAX_BATCH + " user ids");
        }
        List<UserId> visible = new LinkedHashSet<>(ids)
                .stream().filter(id -> UserAccess.canSee(actor, id)).toList();
        return visible.isEmpty() ? List.of() : users.findWithProfiles(visible);
    }

    @Override
    public List<TagCount> tagCounts(Actor actor, int limit) {
        UserAccess.requireReader(actor, "read tag counts");
        if (limit < 1 || limit > 1000) {
            throw new ValidationException("limit", "must be between 1 and 1000");
        }
        return users.tagCounts(limit);
    }

    @Override
    public UserStatistics statistics(Actor actor) {
        UserAccess.requireReader(actor, "read user statistics");
        return users.statistics(clock.now());
    }
}
