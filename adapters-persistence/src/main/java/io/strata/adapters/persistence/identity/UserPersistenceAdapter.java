package io.strata.adapters.persistence.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.CopyRows;
import io.strata.adapters.persistence.shared.CriteriaSearch;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.persistence.shared.PlainReads;
import io.strata.domain.identity.BulkUserChange;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.TagCount;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.identity.UserSearch;
import io.strata.domain.identity.UserStatistics;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.StaleVersionException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.DomainEvent;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@link UserRepository} on PostgreSQL. Every method runs in the caller's transaction (the use case's
 * {@code @Transactional} or {@code @ReadOnlyTransaction}); none opens one ({@link JoinsTransaction}).
 */
@Singleton
@JoinsTransaction
public class UserPersistenceAdapter implements UserRepository {
    static final CriteriaSearch<UserJpaEntity> SEARCH = CriteriaSearch.builder(UserJpaEntity.class, UserSearch.SCHEMA)
            .nullable("lastLoginAt")
            // search_text = lower(username || ' ' || email || ' ' || first_name || ' ' || last_name), trigram-indexed
            .textContains("searchText")
            .build();

    private static final String COUNT = "SELECT count(*) FROM users";

    /** One user's columns in {@link #user}'s order, without the password hash (not the aggregate's) and search text. */
    private static final String USER_COLUMNS = """
            id, email, username, first_name, last_name, role, status, email_verified, email_verified_at,
            password_changed_at, last_login_at, login_count, tags, preferences, version, created_at, updated_at""";

    private static final String BY_ID = "SELECT " + USER_COLUMNS + " FROM users WHERE id = ?";

    private static final String BY_EMAIL = "SELECT " + USER_COLUMNS + " FROM users WHERE email = ?";

    /** No version check, so concurrent log-ins never conflict; the version moves on (see {@link #recordLogin}). */
    private static final String RECORD_LOGIN = """
            UPDATE users SET login_count = login_count + 1, last_login_at = ?,
                             updated_at = greatest(updated_at, ?), version = version + 1
            WHERE id = ?
            RETURNING\s""" + USER_COLUMNS;

    private static final String TAG_COUNTS = """
            SELECT t.tag, count(*) AS users
            FROM users u CROSS JOIN LATERAL unnest(u.tags) AS t(tag)
            WHERE u.status = 'ACTIVE'
            GROUP BY t.tag
            ORDER BY users DESC, t.tag
            LIMIT :limit""";

    /**
     * Locks the rows first (in id order, so two bulk updates cannot deadlock), so that the new values are computed
     * from, and the events name, the state committed last; rows that would not change are left alone.
     */
    private static final String BULK_UPDATE = """
            WITH locked AS (
                SELECT u.id, u.status, u.role, u.tags
                FROM users u
                WHERE u.id = ANY (cast(:ids AS uuid[]))
                ORDER BY u.id
                FOR NO KEY UPDATE
            ), changed AS (
                SELECT l.id, l.status AS status_before, l.role AS role_before,
                       coalesce(cast(:status AS text), l.status) AS status,
                       coalesce(cast(:role AS text), l.role) AS role,
                       CASE WHEN :retag
                            THEN ARRAY(SELECT DISTINCT t.tag
                                       FROM unnest(l.tags || cast(:addTags AS text[])) AS t(tag)
                                       WHERE t.tag <> ALL (cast(:removeTags AS text[]))
                                       ORDER BY t.tag)
                            ELSE l.tags END AS tags
                FROM locked l
            )
            UPDATE users AS u
            SET status = c.status, role = c.role, tags = c.tags, version = u.version + 1, updated_at = :now
            FROM changed AS c
            WHERE u.id = c.id
              AND (u.status, u.role, u.tags) IS DISTINCT FROM (c.status, c.role, c.tags)
            RETURNING u.id, c.status_before, c.role_before""";

    private final EntityManager entityManager;
    private final UserJpaRepository repository;
    private final UserJpaMapper mapper;
    private final UserProfileJpaMapper profileMapper;
    private final SessionPrincipalCacheAdapter principals;

    UserPersistenceAdapter(
            EntityManager entityManager,
            UserJpaRepository repository,
            UserJpaMapper mapper,
            UserProfileJpaMapper profileMapper,
            SessionPrincipalCacheAdapter principals) {
        this.entityManager = entityManager;
        this.repository = repository;
        this.mapper = mapper;
        this.profileMapper = profileMapper;
        this.principals = principals;
    }

    /**
     * Plain in a read-only transaction (nothing read there is saved) and in one without a session (the log-in's
     * second step: a save there needs a session, and runs the use case again in Micronaut's transaction, see
     * {@link PlainReads#withoutSession}); otherwise Hibernate's managed entity, which {@link #save} changes.
     */
    @Override
    public Optional<User> findById(UserId id) {
        PlainReads.ReadOnly plain = PlainReads.readOnly(entityManager);
        if (plain == null) {
            plain = PlainReads.withoutSession();
        }
        if (plain != null) {
            return plain.byId(BY_ID, id.value(), this::user);
        }
        return repository.findById(id.value()).map(mapper::toDomain);
    }

    /** The row of {@link #BY_ID}, if any. */
    private Optional<User> user(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        UserJpaEntity row = new UserJpaEntity();
        row.setId(rows.getObject(1, UUID.class));
        row.setEmail(rows.getString(2));
        row.setUsername(rows.getString(3));
        row.setFirstName(rows.getString(4));
        row.setLastName(rows.getString(5));
        row.setRole(PlainReads.enumValue(rows, 6, Role.class));
        row.setStatus(PlainReads.enumValue(rows, 7, UserStatus.class));
        row.setEmailVerified(rows.getBoolean(8));
        row.setEmailVerifiedAt(PlainReads.instant(rows, 9));
        row.setPasswordChangedAt(PlainReads.instant(rows, 10));
        row.setLastLoginAt(PlainReads.instant(rows, 11));
        row.setLoginCount(rows.getLong(12));
        row.setTags(PlainReads.strings(rows, 13));
        row.setPreferences(PlainReads.jsonObject(rows, 14));
        row.setVersion(rows.getLong(15));
        row.setCreatedAt(PlainReads.instant(rows, 16));
        row.setUpdatedAt(PlainReads.instant(rows, 17));
        return Optional.of(mapper.toDomain(row));
    }

    /**
     * A plain read in any transaction (the log-in's first step, the directory's look-ups): no caller saves the user
     * it finds, and one that did would have {@link #save} read the row for the change, as always.
     */
    @Override
    public Optional<User> findByEmail(Email email) {
        return PlainReads.statements(entityManager)
                .query(BY_EMAIL, statement -> statement.setString(1, email.value()), this::user);
    }

    @Override
    public boolean existsByEmail(Email email) {
        return repository.existsByEmail(email.value());
    }

    @Override
    public boolean existsByUsername(Username username) {
        return repository.existsByUsername(username.value());
    }

    /** Inserts at once (flush) so that a taken e-mail or username is a {@link ConflictException} here. */
    @Override
    public User add(User user) {
        UserJpaEntity entity = mapper.toEntity(user);
        entity.setPasswordHash(UserJpaEntity.NO_PASSWORD);
        AggregateWrites.insert(entityManager, user, entity, e -> translate(e, user.id()));
        return user;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The columns {@link #addAll} copies: every column the entity inserts, each with its value. */
    static final CopyRows.Columns<UserJpaEntity> COPY_COLUMNS = CopyRows.<UserJpaEntity>columns()
            .uuid("id", UserJpaEntity::getId)
            .text("email", UserJpaEntity::getEmail)
            .text("username", UserJpaEntity::getUsername)
            .text("first_name", UserJpaEntity::getFirstName)
            .text("last_name", UserJpaEntity::getLastName)
            .text("password_hash", UserJpaEntity::getPasswordHash)
            .name("role", UserJpaEntity::getRole)
            .name("status", UserJpaEntity::getStatus)
            .bool("email_verified", UserJpaEntity::isEmailVerified)
            .instant("email_verified_at", UserJpaEntity::getEmailVerifiedAt)
            .instant("password_changed_at", UserJpaEntity::getPasswordChangedAt)
            .instant("last_login_at", UserJpaEntity::getLastLoginAt)
            .number("login_count", UserJpaEntity::getLoginCount)
            .textArray("tags", UserJpaEntity::getTags)
            .text("preferences", user -> json(user.getPreferences()))
            .number("version", UserJpaEntity::getVersion)
            .instant("created_at", UserJpaEntity::getCreatedAt)
            .instant("updated_at", UserJpaEntity::getUpdatedAt);

    /**
     * The bulk path ({@link AggregateWrites#copyAll}): the rows in one COPY stream, no read per user, then their
     * events. Every row gets the one argon2id hash made for the run.
     */
    @Override
    public void addAll(List<User> users, HashedPassword password) {
        String hash = Argon2UserCredentials.phc(password);
        AggregateWrites.copyAll(
                entityManager,
                users,
                user -> {
                    UserJpaEntity entity = mapper.toEntity(user);
                    entity.setPasswordHash(hash);
                    return entity;
                },
                "users",
                COPY_COLUMNS,
                e -> translate(e, users.size() == 1 ? users.get(0).id() : null));
    }

    private static String json(Map<String, Object> preferences) {
        try {
            return JSON.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("preferences that are not JSON", e);
        }
    }

    /**
     * Copies the user onto its row loaded in this transaction and flushes: one
     * {@code UPDATE ... WHERE id = ? AND version = ?}. A version that moved on is a
     * {@link StaleVersionException}. Returns the user at its new version.
     */
    @Override
    public User save(User user) {
        return mapper.toDomain(AggregateWrites.saveChanges(
                entityManager,
                user,
                UserJpaEntity.class,
                user.id().value(),
                user.version(),
                "user",
                user.id(),
                entity -> {
                    if (entity.getRole() != user.role() || entity.getStatus() != user.status()) {
                        principals.userChanged(user.id().value());
                    }
                    mapper.copyChanges(user, entity);
                },
                e -> translate(e, user.id())));
    }

    /**
     * One {@code UPDATE ... RETURNING} the row (login_count + 1, last_login_at, updated_at, version + 1) with no
     * version check, so concurrent logins never conflict; the version still moves on, so a concurrent {@link #save}
     * of an older copy cannot overwrite the count. A plain statement: a copy of the row that the transaction's
     * session loaded before is dropped from it, so a later read there reads the row as it is now.
     */
    @Override
    public User recordLogin(UserId id, Instant at) {
        PlainReads.Statements statements = PlainReads.statements(entityManager);
        Optional<User> user = statements.query(
                RECORD_LOGIN,
                statement -> {
                    PlainReads.setInstant(statement, 1, at);
                    PlainReads.setInstant(statement, 2, at);
                    statement.setObject(3, id.value());
                },
                this::user);
        PlainReads.forgetLoaded(statements, UserJpaEntity.class, id.value());
        return user.orElseThrow(() -> new NotFoundException("user", id));
    }

    /**
     * Deletes the row at the user's version, with its {@code UserDeleted}; the foreign keys with ON DELETE CASCADE
     * delete what goes with the user (profile, sessions, other contexts' memberships). A row of another context
     * whose key is ON DELETE RESTRICT refuses the delete: that is a {@link ConflictException}, whichever table it is
     * in (this adapter knows no table of another context). The use case has asked every context first
     * ({@code UserReferences}) and names what blocks; this catches a reference added since. A user already gone is
     * left so (its deletion was someone else's, with its event).
     */
    @Override
    public void delete(User user) {
        UserId id = user.id();
        UserJpaEntity entity = entityManager.find(UserJpaEntity.class, id.value());
        if (entity == null) {
            return;
        }
        if (entity.getVersion() != user.version()) {
            throw new StaleVersionException("user", id, user.version(), entity.getVersion());
        }
        principals.userChanged(id.value());
        AggregateWrites.delete(entityManager, user, entity, "user", id, e -> {
            if (PersistenceErrors.isForeignKeyViolation(e)) {
                return new ConflictException(
                        "user " + id + " is still referred to by other records; remove or " + "transfer them first");
            }
            return e;
        });
    }

    /**
     * Plain SQL: the repository's JPQL count was the only query the start ran (the first-admin check), and it
     * started Hibernate's HQL parser for it on every start (~3% of a start's samples). Needs no flush: {@link #add}
     * and {@link #addAll} write their rows at once.
     */
    @Override
    public long count() {
        return PlainReads.statements(entityManager).query(COUNT, statement -> {}, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Set<UserId> existing(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = entityManager
                .createNativeQuery("SELECT id FROM users WHERE id = ANY (cast(:ids AS uuid[]))", UUID.class)
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("ids", ids.stream().map(UserId::value).distinct().toArray(UUID[]::new), UUID[].class)
                .getResultList();
        return found.stream().map(UserId::new).collect(Collectors.toUnmodifiableSet());
    }

    /** One backward scan of {@code users_created_at_id_ix}. */
    @Override
    @SuppressWarnings("unchecked")
    public List<UserId> newestActive(int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<UUID> found = entityManager
                .createNativeQuery("""
                        SELECT id FROM users WHERE status = 'ACTIVE'
                        ORDER BY created_at DESC, id DESC LIMIT :limit""", UUID.class)
                .setParameter("limit", limit)
                .getResultList();
        return found.stream().map(UserId::new).toList();
    }

    @Override
    public Page<User> search(SearchCriteria criteria, PageRequest page) {
        return SEARCH.search(entityManager, criteria, page).map(mapper::toDomain);
    }

    @Override
    public Optional<UserWithProfile> findWithProfile(UserId id) {
        return findWithProfiles(List.of(id)).stream().findFirst();
    }

    /** One statement: users LEFT JOIN user_profiles, in the order of {@code ids}. */
    @Override
    public List<UserWithProfile> findWithProfiles(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> keys = ids.stream().map(UserId::value).distinct().toList();
        List<Object[]> rows = entityManager
                .createQuery("""
                        SELECT u, p FROM UserJpaEntity u LEFT JOIN UserProfileJpaEntity p ON p.userId = u.id
                        WHERE u.id IN :ids""", Object[].class)
                .setParameter("ids", keys)
                .getResultList();
        Map<UUID, UserWithProfile> byId = new HashMap<>();
        for (Object[] row : rows) {
            UserJpaEntity user = (UserJpaEntity) row[0];
            UserProfileJpaEntity profile = (UserProfileJpaEntity) row[1];
            byId.put(
                    user.getId(),
                    new UserWithProfile(
                            mapper.toDomain(user), profile == null ? null : profileMapper.toDomain(profile)));
        }
        List<UserWithProfile> ordered = new ArrayList<>(byId.size());
        for (UUID key : new LinkedHashSet<>(keys)) {
            UserWithProfile found = byId.get(key);
            if (found != null) {
                ordered.add(found);
            }
        }
        return ordered;
    }

    @Override
    public List<TagCount> tagCounts(int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery(TAG_COUNTS, Object[].class)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new TagCount((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    /** One statement; the average account age is measured against {@code now}, in days. */
    @Override
    public UserStatistics statistics(Instant now) {
        StringBuilder sql = new StringBuilder("SELECT count(*), count(*) FILTER (WHERE status = 'ACTIVE'), ")
                .append("count(*) FILTER (WHERE status = 'INACTIVE'), ")
                .append("(SELECT count(DISTINCT t.tag) FROM users v CROSS JOIN LATERAL unnest(v.tags) AS t(tag)), ")
                .append("coalesce(avg(extract(EPOCH FROM (cast(:now AS timestamptz) - created_at))) / 86400.0, 0)");
        Role[] roles = Role.values();
        for (int i = 0; i < roles.length; i++) {
            sql.append(", count(*) FILTER (WHERE role = :role").append(i).append(')');
        }
        sql.append(" FROM users");
        var query =
                entityManager.createNativeQuery(sql.toString(), Object[].class).setParameter("now", now);
        for (int i = 0; i < roles.length; i++) {
            query.setParameter("role" + i, roles[i].name());
        }
        Object[] row = (Object[]) query.getSingleResult();
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        for (int i = 0; i < roles.length; i++) {
            byRole.put(roles[i], ((Number) row[5 + i]).longValue());
        }
        return new UserStatistics(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                byRole,
                ((Number) row[3]).longValue(),
                ((Number) row[4]).doubleValue());
    }

    /**
     * One {@code UPDATE ... WHERE id = ANY(?) RETURNING}: status and role when given, tags plus {@code addTags}
     * minus {@code removeTags}; rows that would not change keep their version. Then one {@code INSERT} of the
     * events of the users it changed ({@link BulkUserChange#eventsFor}). Returns the rows changed.
     */
    @Override
    @SuppressWarnings("unchecked")
    public int bulkUpdate(Collection<UserId> ids, BulkUserChange change, Instant now) {
        if (ids.isEmpty()) {
            return 0;
        }
        boolean retag = !change.addTags().values().isEmpty()
                || !change.removeTags().values().isEmpty();
        List<Object[]> changed;
        try {
            changed = entityManager
                    .createNativeQuery(BULK_UPDATE, Object[].class)
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .addSynchronizedEntityClass(UserJpaEntity.class)
                    .setParameter(
                            "status",
                            change.status() == null ? null : change.status().name(),
                            String.class)
                    .setParameter(
                            "role", change.role() == null ? null : change.role().name(), String.class)
                    .setParameter("retag", retag)
                    .setParameter("addTags", change.addTags().values().toArray(String[]::new), String[].class)
                    .setParameter("removeTags", change.removeTags().values().toArray(String[]::new), String[].class)
                    .setParameter(
                            "ids", ids.stream().map(UserId::value).distinct().toArray(UUID[]::new), UUID[].class)
                    .setParameter("now", now)
                    .getResultList();
        } catch (PersistenceException e) {
            if (PersistenceErrors.violatedConstraint(e)
                    .filter("users_tags_ck"::equals)
                    .isPresent()) {
                throw new ValidationException(
                        "addTags",
                        "a user would have more than " + io.strata.domain.shared.value.Tags.MAX_TAGS + " tags");
            }
            throw e;
        }
        Map<UUID, List<DomainEvent>> events = new LinkedHashMap<>();
        for (Object[] row : changed) {
            UUID id = (UUID) row[0];
            principals.userChanged(id);
            events.put(
                    id,
                    change.eventsFor(
                            new UserId(id), UserStatus.valueOf((String) row[1]), Role.valueOf((String) row[2]), now));
        }
        AggregateWrites.appendEvents(entityManager, User.class, events);
        return changed.size();
    }

    /** Maps a violated unique constraint of {@code users} to the message a client can act on ({@code id} null for a batch). */
    private static RuntimeException translate(PersistenceException error, UserId id) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "users_email_uk" -> new ConflictException("email already registered");
                    case "users_username_uk" -> new ConflictException("username already taken");
                    case "users_pk" ->
                        new ConflictException((id == null ? "a user" : "user " + id) + " already exists");
                    default -> error;
                })
                .orElse(error);
    }
}
