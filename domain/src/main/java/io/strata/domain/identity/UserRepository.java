package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: where users live. Speaks domain types only. Every method that stores users also appends the events they
 * recorded (and those of its bulk change) to the outbox, in the caller's transaction.
 */
@OutboundPort
public interface UserRepository {
    Optional<User> findById(UserId id);

    Optional<User> findByEmail(Email email);

    boolean existsByEmail(Email email);

    boolean existsByUsername(Username username);

    /** Stores a new user; a taken e-mail or username is a {@code ConflictException}. */
    User add(User user);

    /**
     * Stores many new users, all with the same {@code password}, in JDBC batches: a bulk path for sample
     * data, with no read per user. A taken e-mail or username is a {@code ConflictException} and stores
     * none of them (the caller's transaction is rolled back).
     */
    void addAll(List<User> users, HashedPassword password);

    /**
     * Stores the changes of a loaded user and returns it at its new version. A concurrent change
     * committed first is a {@code StaleVersionException}.
     */
    User save(User user);

    /**
     * Counts a successful login (loginCount+1, lastLoginAt) atomically, without a version check, so
     * that concurrent logins of one user never conflict; returns the user as stored afterwards.
     */
    User recordLogin(UserId id, Instant at);

    /**
     * Deletes a loaded user ({@link User#delete} recorded the event) with its profile, sessions and memberships.
     * A concurrent change committed first is a {@code StaleVersionException}. A row of another context that still
     * refers to the user (a foreign key with ON DELETE RESTRICT) is a {@code ConflictException}: the use case asks
     * {@code UserReferences} first, so this only catches a reference added meanwhile.
     */
    void delete(User user);

    long count();

    /** Which of {@code ids} belong to existing users; one statement. */
    Set<UserId> existing(Collection<UserId> ids);

    /** Up to {@code limit} active users, newest first; one statement. */
    List<UserId> newestActive(int limit);

    Page<User> search(SearchCriteria criteria, PageRequest page);

    /** The user and the profile (if any) in one query. */
    Optional<UserWithProfile> findWithProfile(UserId id);

    /** Users (with profiles) for these ids in one query; unknown ids are skipped. */
    List<UserWithProfile> findWithProfiles(Collection<UserId> ids);

    /** How many active users carry each tag, most used first. */
    List<TagCount> tagCounts(int limit);

    UserStatistics statistics(Instant now);

    /**
     * Applies one change to many users in one statement and records, for each user it changed, the events
     * {@link BulkUserChange#eventsFor} names; returns how many users changed.
     */
    int bulkUpdate(Collection<UserId> ids, BulkUserChange change, Instant now);
}
