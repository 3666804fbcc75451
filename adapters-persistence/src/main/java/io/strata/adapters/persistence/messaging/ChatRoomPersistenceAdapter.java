package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.ChildRows;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.messaging.ChatRoomRepository;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/** {@link ChatRoomRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). */
@Singleton
@JoinsTransaction
public class ChatRoomPersistenceAdapter implements ChatRoomRepository {
    private static final String WITH_MEMBERS =
            "SELECT r FROM ChatRoomJpaEntity r LEFT JOIN FETCH r.members WHERE r.id = :id";

    /** The joiner's own row: allowed by row-level security before they can read the room; a second join is a no-op. */
    private static final String ADD_MEMBER =
            "INSERT INTO chat_room_members (room_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    /**
     * Joins of one room wait for each other here, so each reads the version the previous one committed. NO KEY
     * UPDATE, as the room's UPDATE takes: it does not wait for the KEY SHARE locks that other joiners' member rows
     * hold on the room (a FOR UPDATE would deadlock two joiners).
     */
    private static final String LOCK_ROOM = "SELECT 1 FROM chat_rooms WHERE id = :room FOR NO KEY UPDATE";

    private static final String IS_MEMBER =
            "SELECT EXISTS (SELECT 1 FROM chat_room_members WHERE room_id = :room AND user_id = :user)";

    private static final String CREATOR_IF_MEMBER = """
            SELECT r.creator_id FROM chat_rooms r
            JOIN chat_room_members m ON m.room_id = r.id AND m.user_id = :user
            WHERE r.id = :room""";

    /** Locks the room's row until the transaction ends: a room's changes are numbered in commit order. */
    private static final String NEXT_CHANGE =
            "UPDATE chat_rooms SET last_change = last_change + 1 WHERE id = :room RETURNING last_change";

    private static final String ROOMS_OF_MEMBER = """
            SELECT r FROM ChatRoomJpaEntity r
            WHERE r.id IN (SELECT m.id FROM ChatRoomJpaEntity m JOIN m.members u WHERE u = :user)
            ORDER BY r.createdAt DESC, r.id DESC""";

    private static final String MEMBERS_OF_ROOMS = """
            SELECT room_id, user_id FROM chat_room_members
            WHERE room_id = ANY (cast(:ids AS uuid[]))
            ORDER BY room_id, user_id""";

    private final EntityManager entityManager;
    private final ChatRoomJpaMapper mapper;

    ChatRoomPersistenceAdapter(EntityManager entityManager, ChatRoomJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** The room with its members: one statement. */
    @Override
    public Optional<ChatRoom> findById(ChatRoomId id) {
        return withMembers(id).map(mapper::toDomain);
    }

    /**
     * Three statements: the member row (whose foreign key tells a missing room), the room's lock when that row is new,
     * then the room with its members, returned without the new one (see the port). An existing member costs two.
     */
    @Override
    public Optional<ChatRoom> findToJoin(ChatRoomId id, UserId joiner) {
        // on the connection itself: a missing room is a foreign-key error this method expects, which Hibernate
        // would log as an error if it ran the statement
        Integer added;
        try {
            added = entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(ADD_MEMBER)) {
                    statement.setObject(1, id.value());
                    statement.setObject(2, joiner.value());
                    return statement.executeUpdate();
                } catch (SQLException e) {
                    if (PersistenceErrors.violatedConstraint(e)
                            .filter("chat_room_members_room_fk"::equals)
                            .isPresent()) {
                        return null; // the transaction is aborted: its caller ends it
                    }
                    throw e;
                }
            });
        } catch (PersistenceException e) {
            throw translate(e);
        }
        if (added == null) {
            return Optional.empty();
        }
        if (added == 0) {
            return findById(id); // already a member: nothing stored, nothing to lock
        }
        entityManager
                .createNativeQuery(LOCK_ROOM, Integer.class)
                .setParameter("room", id.value())
                .getResultList();
        return withMembers(id)
                .map(row -> mapper.toDomain(
                        row,
                        row.getMembers().stream()
                                .filter(member -> !member.equals(joiner.value()))
                                .toList()));
    }

    private Optional<ChatRoomJpaEntity> withMembers(ChatRoomId id) {
        return entityManager
                .createQuery(WITH_MEMBERS, ChatRoomJpaEntity.class)
                .setParameter("id", id.value())
                .getResultList()
                .stream()
                .findFirst();
    }

    @Override
    public ChatRoom add(ChatRoom room) {
        AggregateWrites.insert(entityManager, room, mapper.toEntity(room), ChatRoomPersistenceAdapter::translate);
        return room;
    }

    /**
     * Joining ({@link #findToJoin} stored the member row: the room's members already hold it, so only the room's row
     * changes) and leaving. Not read back: a member who left may no longer read the room (row-level security).
     */
    @Override
    public ChatRoom save(ChatRoom room) {
        ChatRoomJpaEntity saved = AggregateWrites.saveChanges(
                entityManager,
                room,
                ChatRoomJpaEntity.class,
                room.id().value(),
                room.version(),
                "ChatRoom",
                room.id(),
                entity -> mapper.copyChanges(room, entity),
                ChatRoomPersistenceAdapter::translate);
        return mapper.toDomain(saved);
    }

    @Override
    public boolean isMember(ChatRoomId id, UserId user) {
        return (Boolean) entityManager
                .createNativeQuery(IS_MEMBER, Boolean.class)
                .setParameter("room", id.value())
                .setParameter("user", user.value())
                .getSingleResult();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<UserId> creatorIfMember(ChatRoomId id, UserId user) {
        List<UUID> found = entityManager
                .createNativeQuery(CREATOR_IF_MEMBER, UUID.class)
                .setParameter("room", id.value())
                .setParameter("user", user.value())
                .getResultList();
        return found.stream().findFirst().map(UserId::new);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Long> nextChange(ChatRoomId id) {
        List<Long> changed = entityManager
                .createNativeQuery(NEXT_CHANGE, Long.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("chat_rooms")
                .setParameter("room", id.value())
                .getResultList();
        return changed.stream().findFirst();
    }

    /** Two statements whatever the number of rooms: the rooms, then the members of all of them. */
    @Override
    public List<ChatRoom> ofMember(UserId user, int limit) {
        List<ChatRoomJpaEntity> rows = entityManager
                .createQuery(ROOMS_OF_MEMBER, ChatRoomJpaEntity.class)
                .setParameter("user", user.value())
                .setMaxResults(limit)
                .getResultList();
        Map<UUID, List<UUID>> members = ChildRows.load(
                entityManager,
                MEMBERS_OF_ROOMS,
                rows.stream().map(ChatRoomJpaEntity::getId).toList());
        return rows.stream()
                .map(row -> mapper.toDomain(row, members.getOrDefault(row.getId(), List.of())))
                .toList();
    }

    private static RuntimeException translate(PersistenceException error) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "chat_rooms_pk" -> new ConflictException("the chat room already exists");
                    case "chat_rooms_creator_fk", "chat_room_members_user_fk" ->
                        new ConflictException("the user no longer exists");
                    default -> PersistenceErrors.checkViolation(error, "chat_rooms", constraint);
                })
                .orElse(error);
    }
}
