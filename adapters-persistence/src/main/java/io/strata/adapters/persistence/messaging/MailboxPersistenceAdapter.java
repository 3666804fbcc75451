package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.adapters.persistence.shared.KeysetCursor;
import io.strata.adapters.persistence.shared.LikePatterns;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.FolderCount;
import io.strata.domain.messaging.MailFilter;
import io.strata.domain.messaging.MailFolder;
import io.strata.domain.messaging.MailFolderPage;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.messaging.MailboxEntry;
import io.strata.domain.messaging.Mailboxes;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/**
 * {@link Mailboxes} on PostgreSQL, in the caller's transaction ({@link JoinsTransaction}). A copy's keywords and folder
 * change by one UPDATE of its row (the row lock orders concurrent marks; none is lost); the counts are one
 * aggregate over the user's rows, so they are exact by construction. A folder page is two statements whatever
 * its size (the copies on the folder index, then their e-mails by id), plus one for the counts.
 */
@Singleton
@JoinsTransaction
public class MailboxPersistenceAdapter implements Mailboxes {
    /** What a folder cursor is bound to (KeysetCursor's fingerprint): this list and its order. */
    static final String FOLDER = "messaging.mail-folder:receivedAt-desc,emailId-desc";

    private static final List<Class<?>> CURSOR_TYPES = List.of(Instant.class, UUID.class);
    private static final String ENTRY_COLUMNS = "m.user_id, m.email_id, m.folder, m.seen, m.flagged, m.received_at";
    private static final String SPACE = "mailbox_entries";

    private static final String ENTRY =
            "SELECT " + ENTRY_COLUMNS + " FROM mailbox_entries m WHERE m.user_id = :user AND m.email_id = :email";

    /**
     * The e-mail's thread is copied from its row; a user who has a copy keeps it as it is. The sender inserts the
     * recipients' copies: ON CONFLICT names no columns (the primary key is the only unique one), since naming them
     * would make PostgreSQL check the new rows against the read policy too, which shows a user only their own copies
     * (row-level security, V32__messaging_row_level_security.sql).
     */
    private static final String DELIVER = """
            INSERT INTO mailbox_entries (user_id, email_id, folder, seen, flagged, received_at, thread_id)
            SELECT u, e.id, :folder, :seen, false, :at, e.thread_id
            FROM emails e CROSS JOIN unnest(cast(:users AS uuid[])) AS u
            WHERE e.id = :email
            ON CONFLICT DO NOTHING""";

    private static final String FILE_SENT = """
            UPDATE mailbox_entries SET folder = 'SENT', seen = true, received_at = :at
            WHERE user_id = :user AND email_id = :email""";

    private static final String MOVE = """
            UPDATE mailbox_entries SET folder = :folder WHERE user_id = :user AND email_id = :email""";

    private static final String COUNTS = """
            SELECT folder, count(*), count(*) FILTER (WHERE NOT seen)
            FROM mailbox_entries WHERE user_id = :user GROUP BY folder""";

    private static final String THREAD = "SELECT " + ENTRY_COLUMNS + """
             FROM mailbox_entries m WHERE m.user_id = :user AND m.thread_id = :thread
            ORDER BY m.received_at, m.email_id LIMIT :limit""";

    private final EntityManager entityManager;
    private final EmailJpaMapper mapper;

    MailboxPersistenceAdapter(EntityManager entityManager, EmailJpaMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Override
    public Optional<MailboxEntry> entry(UserId user, EmailId email) {
        List<Object[]> rows =
                rows(native_(ENTRY).setParameter("user", user.value()).setParameter("email", email.value()));
        return rows.stream().findFirst().map(MailboxPersistenceAdapter::entryOf);
    }

    @Override
    public void deliver(EmailId email, Collection<UserId> users, MailFolder folder, Instant receivedAt) {
        if (users.isEmpty()) {
            return;
        }
        write(DELIVER)
                .setParameter("users", users.stream().map(UserId::value).toArray(UUID[]::new), UUID[].class)
                .setParameter("folder", folder.name())
                .setParameter("seen", false)
                .setParameter("at", receivedAt)
                .setParameter("email", email.value())
                .executeUpdate();
    }

    @Override
    public void fileDraft(UserId sender, EmailId email, Instant createdAt) {
        write(DELIVER)
                .setParameter("users", new UUID[] {sender.value()}, UUID[].class)
                .setParameter("folder", MailFolder.DRAFTS.name())
                .setParameter("seen", true)
                .setParameter("at", createdAt)
                .setParameter("email", email.value())
                .executeUpdate();
    }

    @Override
    public void fileSent(UserId sender, EmailId email, Instant sentAt) {
        write(FILE_SENT)
                .setParameter("at", sentAt)
                .setParameter("user", sender.value())
                .setParameter("email", email.value())
                .executeUpdate();
    }

    /** Only the keywords given are set, by fixed fragments; the row lock orders concurrent marks of one copy. */
    @Override
    public Optional<MailboxEntry> mark(UserId user, EmailId email, Boolean seen, Boolean flagged) {
        List<String> sets = new ArrayList<>();
        if (seen != null) {
            sets.add("seen = :seen");
        }
        if (flagged != null) {
            sets.add("flagged = :flagged");
        }
        Query update = write("UPDATE mailbox_entries SET " + String.join(", ", sets)
                        + " WHERE user_id = :user AND email_id = :email")
                .setParameter("user", user.value())
                .setParameter("email", email.value());
        if (seen != null) {
            update.setParameter("seen", seen);
        }
        if (flagged != null) {
            update.setParameter("flagged", flagged);
        }
        return update.executeUpdate() == 0 ? Optional.empty() : entry(user, email);
    }

    @Override
    public Optional<MailboxEntry> move(UserId user, EmailId email, MailFolder folder) {
        int changed = write(MOVE)
                .setParameter("folder", folder.name())
                .setParameter("user", user.value())
                .setParameter("email", email.value())
                .executeUpdate();
        return changed == 0 ? Optional.empty() : entry(user, email);
    }

    @Override
    public List<FolderCount> counts(UserId user) {
        Map<MailFolder, FolderCount> counts = new EnumMap<>(MailFolder.class);
        for (MailFolder folder : MailFolder.values()) {
            counts.put(folder, new FolderCount(folder, 0, 0));
        }
        for (Object[] row : rows(native_(COUNTS).setParameter("user", user.value()))) {
            MailFolder folder = MailFolder.valueOf((String) row[0]);
            counts.put(folder, new FolderCount(folder, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return List.copyOf(counts.values());
    }

    /**
     * The copies: one statement on {@code (user_id, folder, received_at DESC, email_id DESC)}, each filter a fixed
     * fragment with a bound value, {@code limit + 1} rows (the extra one says whether a next page exists); then
     * their e-mails in one statement.
     */
    @Override
    public MailFolderPage list(UserId user, MailFolder folder, MailFilter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM mailbox_entries m");
        if (filter.q() != null) {
            sql.append(" JOIN emails e ON e.id = m.email_id");
        }
        sql.append(" WHERE m.user_id = :user AND m.folder = :folder");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("user", user.value());
        values.put("folder", folder.name());
        if (filter.unread() != null) {
            sql.append(" AND m.seen = :seen");
            values.put("seen", !filter.unread());
        }
        if (filter.flagged() != null) {
            sql.append(" AND m.flagged = :flagged");
            values.put("flagged", filter.flagged());
        }
        if (filter.q() != null) {
            sql.append(" AND e.search_text LIKE :q ESCAPE '\\'");
            values.put("q", LikePatterns.containsPattern(filter.q()));
        }
        if (filter.receivedFrom() != null) {
            sql.append(" AND m.received_at >= :receivedFrom");
            values.put("receivedFrom", filter.receivedFrom());
        }
        if (filter.receivedTo() != null) {
            sql.append(" AND m.received_at < :receivedTo");
            values.put("receivedTo", filter.receivedTo());
        }
        if (cursor != null) {
            List<Object> anchor = cursor(cursor);
            sql.append(" AND (m.received_at, m.email_id) < (cast(:at AS timestamptz), cast(:id AS uuid))");
            values.put("at", anchor.get(0));
            values.put("id", anchor.get(1));
        }
        sql.append(" ORDER BY m.received_at DESC, m.email_id DESC LIMIT :limit");
        values.put("limit", limit + 1);
        Query query = native_(sql.toString());
        values.forEach(query::setParameter);
        List<MailboxEntry> entries =
                rows(query).stream().map(MailboxPersistenceAdapter::entryOf).toList();
        boolean more = entries.size() > limit;
        List<MailboxEntry> page = entries.subList(0, Math.min(limit, entries.size()));
        List<MailItem> items = items(page);
        String next = more ? cursorOf(page.get(page.size() - 1)) : null;
        return new MailFolderPage(items, next);
    }

    @Override
    public List<MailItem> thread(UserId user, EmailId threadId, int limit) {
        List<MailboxEntry> entries = rows(native_(THREAD)
                        .setParameter("user", user.value())
                        .setParameter("thread", threadId.value())
                        .setParameter("limit", limit))
                .stream()
                .map(MailboxPersistenceAdapter::entryOf)
                .toList();
        return items(entries);
    }

    /** The e-mails of the copies in one statement, each as the copy's owner may see it. */
    private List<MailItem> items(List<MailboxEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = entries.stream().map(e -> e.emailId().value()).toList();
        Map<UUID, Email> emails = entityManager
                .createQuery("select e from EmailJpaEntity e where e.id in :ids", EmailJpaEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .map(mapper::toDomain)
                .collect(Collectors.toMap(e -> e.id().value(), Function.identity()));
        return entries.stream()
                .filter(entry -> emails.containsKey(entry.emailId().value()))
                .map(entry -> MailItem.of(emails.get(entry.emailId().value()), entry))
                .toList();
    }

    static String cursorOf(MailboxEntry entry) {
        return KeysetCursor.encode(
                FOLDER, List.of(entry.receivedAt(), entry.emailId().value()));
    }

    private static List<Object> cursor(String cursor) {
        try {
            return KeysetCursor.decode(cursor, FOLDER, CURSOR_TYPES);
        } catch (ValidationException e) {
            throw new ValidationException("cursor", "is not a cursor returned by this folder listing");
        }
    }

    private Query native_(String sql) {
        return entityManager.createNativeQuery(sql, Object[].class);
    }

    /** A write Hibernate must know touches {@code mailbox_entries} only (no flush of unrelated entities needed). */
    private NativeQuery<?> write(String sql) {
        return entityManager.createNativeQuery(sql).unwrap(NativeQuery.class).addSynchronizedQuerySpace(SPACE);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static MailboxEntry entryOf(Object[] row) {
        return new MailboxEntry(
                new UserId((UUID) row[0]),
                new EmailId((UUID) row[1]),
                MailFolder.valueOf((String) row[2]),
                (Boolean) row[3],
                (Boolean) row[4],
                instant(row[5]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
