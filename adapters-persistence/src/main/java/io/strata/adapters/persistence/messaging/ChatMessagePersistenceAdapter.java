package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.AggregateWrites;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.KeysetCursor;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.domain.messaging.ChatEdit;
import io.strata.domain.messaging.ChatHistoryPage;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatMessageRepository;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * {@link ChatMessageRepository} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). Every list is
 * one statement on an index of its own: history on {@code (room_id, created_at, id)} in either direction,
 * changes on {@code (room_id, change)}, a thread on {@code (reply_to_id, created_at, id)}.
 */
@Singleton
@JoinsTransaction
public class ChatMessagePersistenceAdapter implements ChatMessageRepository {
    /** What a history cursor is bound to (KeysetCursor's fingerprint): this list and its order. */
    static final String HISTORY = "messaging.chat-history:createdAt,id";

    private static final List<Class<?>> CURSOR_TYPES = List.of(Instant.class, UUID.class);

    private static final String NEWEST = """
            SELECT * FROM chat_messages WHERE room_id = :room
            ORDER BY created_at DESC, id DESC LIMIT :limit""";

    private static final String OLDER = """
            SELECT * FROM chat_messages
            WHERE room_id = :room AND (created_at, id) < (cast(:at AS timestamptz), cast(:id AS uuid))
            ORDER BY created_at DESC, id DESC LIMIT :limit""";

    private static final String NEWER = """
            SELECT * FROM chat_messages
            WHERE room_id = :room AND (created_at, id) > (cast(:at AS timestamptz), cast(:id AS uuid))
            ORDER BY created_at, id LIMIT :limit""";

    private static final String CHANGED_SINCE = """
            SELECT * FROM chat_messages WHERE room_id = :room AND change > :since
            ORDER BY change LIMIT :limit""";

    private static final String THREAD = """
            SELECT * FROM chat_messages WHERE reply_to_id = :id
            ORDER BY created_at, id LIMIT :limit""";

    private static final String EDITS = """
            SELECT content, replaced_at FROM chat_message_edits WHERE message_id = :id ORDER BY position""";

    /** The message's row is locked by the UPDATE before (and the room's by its change number): no race on position. */
    private static final String ARCHIVE_EDIT = """
            INSERT INTO chat_message_edits (message_id, position, content, replaced_at)
            SELECT :id, coalesce(max(position), 0) + 1, :content, :at FROM chat_message_edits WHERE message_id = :id""";

    private static final String PURGE_EDITS = "DELETE FROM chat_message_edits WHERE message_id = :id";

    private final EntityManager entityManager;
    private final ChatMessageJpaMapper mapper;

    ChatMessagePersistenceAdapter(EntityManager entityManager, ChatMessageJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<ChatMessage> findById(ChatMessageId id) {
        return Optional.ofNullable(entityManager.find(ChatMessageJpaEntity.class, id.value()))
                .map(mapper::toDomain);
    }

    @Override
    public ChatMessage add(ChatMessage message) {
        AggregateWrites.insert(
                entityManager, message, mapper.toEntity(message), ChatMessagePersistenceAdapter::translate);
        return message;
    }

    /** The row (one UPDATE at the loaded version), then the edit history: one INSERT after an edit, one DELETE after a delete. */
    @Override
    public ChatMessage save(ChatMessage message) {
        ChatMessageJpaEntity saved = AggregateWrites.saveChanges(
                entityManager,
                message,
                ChatMessageJpaEntity.class,
                message.id().value(),
                message.version(),
                "ChatMessage",
                message.id(),
                entity -> mapper.copyChanges(message, entity),
                ChatMessagePersistenceAdapter::translate);
        Optional<ChatEdit> archived = message.pullArchivedEdit();
        if (archived.isPresent()) {
            entityManager
                    .createNativeQuery(ARCHIVE_EDIT)
                    .unwrap(NativeQuery.class)
                    .addSynchronizedQuerySpace("chat_message_edits")
                    .setParameter("id", message.id().value())
                    .setParameter("content", archived.get().content())
                    .setParameter("at", archived.get().replacedAt())
                    .executeUpdate();
        }
        if (message.pullHistoryPurged()) {
            entityManager
                    .createNativeQuery(PURGE_EDITS)
                    .unwrap(NativeQuery.class)
                    .addSynchronizedQuerySpace("chat_message_edits")
                    .setParameter("id", message.id().value())
                    .executeUpdate();
        }
        return mapper.toDomain(saved);
    }

    /**
     * One statement: {@code limit + 1} rows in the direction asked, the extra row only telling whether more
     * exist that way. Rows with equal timestamps are ordered by id, so every message is on exactly one page.
     */
    @Override
    public ChatHistoryPage history(ChatRoomId roomId, String before, String after, int limit) {
        if (after != null) {
            List<Object> anchor = cursor("after", after);
            List<ChatMessageJpaEntity> rows = messages(NEWER, roomId, anchor, limit);
            boolean more = rows.size() > limit;
            List<ChatMessage> items = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())).stream()
                    .map(mapper::toDomain)
                    .toList());
            Collections.reverse(items);
            return new ChatHistoryPage(
                    items,
                    items.isEmpty() ? null : cursorOf(items.get(items.size() - 1)),
                    more ? cursorOf(items.get(0)) : null);
        }
        List<ChatMessageJpaEntity> rows = before == null
                ? messages(NEWEST, roomId, null, limit)
                : messages(OLDER, roomId, cursor("before", before), limit);
        boolean more = rows.size() > limit;
        List<ChatMessage> items = rows.subList(0, Math.min(limit, rows.size())).stream()
                .map(mapper::toDomain)
                .toList();
        return new ChatHistoryPage(
                items,
                more ? cursorOf(items.get(items.size() - 1)) : null,
                before != null && !items.isEmpty() ? cursorOf(items.get(0)) : null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ChatMessage> changedSince(ChatRoomId roomId, long since, int limit) {
        List<ChatMessageJpaEntity> rows = entityManager
                .createNativeQuery(CHANGED_SINCE, ChatMessageJpaEntity.class)
                .setParameter("room", roomId.value())
                .setParameter("since", since)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(mapper::toDomain).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ChatMessage> thread(ChatMessageId first, int limit) {
        List<ChatMessageJpaEntity> rows = entityManager
                .createNativeQuery(THREAD, ChatMessageJpaEntity.class)
                .setParameter("id", first.value())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(mapper::toDomain).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ChatEdit> edits(ChatMessageId id) {
        List<Object[]> rows = entityManager
                .createNativeQuery(EDITS, Object[].class)
                .setParameter("id", id.value())
                .getResultList();
        return rows.stream()
                .map(row -> new ChatEdit((String) row[0], instant(row[1])))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<ChatMessageJpaEntity> messages(String sql, ChatRoomId roomId, List<Object> anchor, int limit) {
        var query = entityManager
                .createNativeQuery(sql, ChatMessageJpaEntity.class)
                .setParameter("room", roomId.value())
                .setParameter("limit", limit + 1);
        if (anchor != null) {
            query.setParameter("at", anchor.get(0)).setParameter("id", anchor.get(1));
        }
        return query.getResultList();
    }

    static String cursorOf(ChatMessage message) {
        return KeysetCursor.encode(
                HISTORY, List.of(message.createdAt(), message.id().value()));
    }

    /** A cursor of this list, or a 400 naming the parameter it came in. */
    private static List<Object> cursor(String parameter, String cursor) {
        try {
            return KeysetCursor.decode(cursor, HISTORY, CURSOR_TYPES);
        } catch (ValidationException e) {
            throw new ValidationException(parameter, "is not a cursor returned by this room's history");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static RuntimeException translate(PersistenceException error) {
        return PersistenceErrors.violatedConstraint(error)
                .<RuntimeException>map(constraint -> switch (constraint) {
                    case "chat_messages_pk" -> new ConflictException("the message already exists");
                    case "chat_messages_room_fk" -> new ConflictException("the chat room no longer exists");
                    case "chat_messages_sender_fk" -> new ConflictException("the sender no longer exists");
                    case "chat_messages_reply_to_fk" -> new ValidationException("replyToId", "no such message");
                    default -> PersistenceErrors.checkViolation(error, "chat_messages", constraint);
                })
                .orElse(error);
    }
}
