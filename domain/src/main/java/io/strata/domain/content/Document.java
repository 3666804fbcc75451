package io.strata.domain.content;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Storable;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A document (seed 004: Word, Excel and PowerPoint documents as JSON content) with its current title and
 * content at {@code revision} 1, 2, ... Every content change is a new, complete revision (an audit log;
 * the repository stores what {@link #pullRevisionWrites} hands it). Shares give other users VIEW or EDIT,
 * optionally until {@code expiresAt}. Soft delete hides the document, its live revisions and live shares
 * in one deletion batch; restore undoes exactly that batch.
 */
public final class Document extends AggregateRoot {
    public static final int MAX_TITLE = 200;
    /** Characters of the content's JSON text; a document is edited whole, so it stays small. */
    public static final int MAX_CONTENT_CHARS = 256 * 1024;

    public static final int MAX_SHARES = 100;

    private final DocumentId id;
    private final UserId ownerId;
    private String title;
    private final DocumentKind kind;
    private Map<String, Object> content;
    private int revision;
    private final List<DocumentShare> shares;
    private Deletion deletion;
    private AuditStamp stamp;
    private final List<RevisionWrite> revisionWrites = new ArrayList<>();

    private Document(
            DocumentId id,
            UserId ownerId,
            String title,
            DocumentKind kind,
            Map<String, Object> content,
            int revision,
            List<DocumentShare> shares,
            Deletion deletion,
            AuditStamp stamp) {
        this.id = id;
        this.ownerId = ownerId;
        this.title = title;
        this.kind = kind;
        this.content = content;
        this.revision = revision;
        this.shares = new ArrayList<>(shares);
        this.deletion = deletion;
        this.stamp = stamp;
    }

    /** A new document at revision 1 (stored as the first revision too); content defaults to an empty object. */
    public static Document create(
            UserId ownerId, String title, DocumentKind kind, Map<String, Object> content, Clock clock) {
        Objects.requireNonNull(ownerId, "ownerId");
        if (kind == null) {
            throw new ValidationException("kind", "is required");
        }
        Instant now = clock.now();
        Document document = new Document(
                DocumentId.newId(),
                ownerId,
                title(title),
                kind,
                content(content == null ? Map.of() : content),
                1,
                List.of(),
                null,
                AuditStamp.createdAt(now));
        document.appendRevision(ownerId, now);
        document.record(new DocumentCreated(document.id, ownerId, kind, now));
        return document;
    }

    public static Document reconstitute(
            DocumentId id,
            UserId ownerId,
            String title,
            DocumentKind kind,
            Map<String, Object> content,
            int revision,
            List<DocumentShare> shares,
            Deletion deletion,
            AuditStamp stamp) {
        return new Document(id, ownerId, title, kind, content, revision, shares, deletion, stamp);
    }

    /** A title: 1..200 characters, no control characters. */
    public static String title(String title) {
        String value = Text.required("title", title, MAX_TITLE);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("title", "must not contain control characters");
        }
        return value;
    }

    /** Content: a JSON object PostgreSQL can store, at most {@link #MAX_CONTENT_CHARS} characters as text. */
    public static Map<String, Object> content(Map<String, Object> content) {
        if (content == null) {
            throw new ValidationException("content", "is required");
        }
        if (content.keySet().stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("content", "keys must not be null");
        }
        Storable.json("content", content);
        if (content.toString().length() > MAX_CONTENT_CHARS) {
            throw new ValidationException("content", "must be at most " + MAX_CONTENT_CHARS + " characters");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(content));
    }

    /** What {@code actor} may do with this document at {@code now}. */
    public DocumentAccess accessFor(Actor actor, Instant now) {
        if (actor.isAdmin() || actor.is(ownerId)) {
            return DocumentAccess.MANAGE;
        }
        if (deletion != null) {
            return DocumentAccess.NONE;
        }
        return shares.stream()
                .filter(share -> share.userId().equals(actor.userId()) && share.grantsAt(now))
                .findFirst()
                .map(share -> share.permission() == SharePermission.EDIT ? DocumentAccess.EDIT : DocumentAccess.VIEW)
                .orElse(DocumentAccess.NONE);
    }

    /** A new revision with this content, and this title unless {@code title} is null; authored by {@code author}. */
    public void revise(String title, Map<String, Object> content, UserId author, Clock clock) {
        requireLive();
        String nextTitle = title == null ? this.title : title(title);
        Map<String, Object> nextContent = content(content);
        Instant now = clock.now();
        this.title = nextTitle;
        this.content = nextContent;
        this.revision++;
        appendRevision(author, now);
        stamp = stamp.touchedAt(now);
        record(new DocumentRevised(id, revision, author, null, now));
    }

    /** A new revision with the title and content of {@code old} (which stays as it was). */
    public void restoreRevision(DocumentRevision old, UserId author, Clock clock) {
        requireLive();
        requireMine(old);
        if (!old.isLive()) {
            throw new ConflictException("revision " + old.revision() + " is deleted");
        }
        Instant now = clock.now();
        this.title = old.title();
        this.content = old.content();
        this.revision++;
        appendRevision(author, now);
        stamp = stamp.touchedAt(now);
        record(new DocumentRevised(id, revision, author, old.revision(), now));
    }

    /** Hides one past revision in a batch of its own; the current revision stays. */
    public void deleteRevision(DocumentRevision old, Clock clock) {
        requireLive();
        requireMine(old);
        if (old.revision() == revision) {
            throw new ConflictException("revision " + revision + " is the current one and cannot be deleted");
        }
        if (!old.isLive()) {
            throw new ConflictException("revision " + old.revision() + " is already deleted");
        }
        Instant now = clock.now();
        Deletion own = Deletion.newBatch(now);
        revisionWrites.add(new RevisionWrite.HideOne(old.revision(), own));
        stamp = stamp.touchedAt(now);
        record(new DocumentRevisionDeleted(id, old.revision(), own.batchId(), now));
    }

    /**
     * Shares the document with {@code user} (not the owner), replacing a live share of theirs.
     * {@code expiresAt}, when given, must be in the future.
     */
    public void share(UserId user, SharePermission permission, Instant expiresAt, Clock clock) {
        if (user == null) {
            throw new ValidationException("userId", "is required");
        }
        if (permission == null) {
            throw new ValidationException("permission", "is required");
        }
        requireLive();
        Instant now = clock.now();
        if (user.equals(ownerId)) {
            throw new ValidationException("userId", "is the document's owner");
        }
        if (expiresAt != null) {
            Storable.instant("expiresAt", expiresAt);
            if (!expiresAt.isAfter(now)) {
                throw new ValidationException("expiresAt", "must be in the future");
            }
        }
        Optional<DocumentShare> current = liveShareOf(user);
        if (current.isEmpty() && liveShares().size() >= MAX_SHARES) {
            throw new ConflictException("a document has at most " + MAX_SHARES + " shares");
        }
        current.ifPresent(shares::remove);
        shares.add(new DocumentShare(user, permission, expiresAt, now, null));
        stamp = stamp.touchedAt(now);
        record(new DocumentShared(id, user, permission, expiresAt, now));
    }

    /** Removes {@code user}'s live share (soft, in a batch of its own: restoring the document keeps it removed). */
    public void unshare(UserId user, Clock clock) {
        requireLive();
        DocumentShare current = liveShareOf(user).orElseThrow(() -> new NotFoundException("Share", user));
        Instant now = clock.now();
        shares.set(shares.indexOf(current), current.deleted(Deletion.newBatch(now)));
        stamp = stamp.touchedAt(now);
        record(new DocumentUnshared(id, user, now));
    }

    /** Soft delete: the document, its live shares and its live revisions in one new batch. */
    public void delete(Clock clock) {
        requireLive();
        Instant now = clock.now();
        Deletion batch = Deletion.newBatch(now);
        shares.replaceAll(share -> share.isLive() ? share.deleted(batch) : share);
        revisionWrites.add(new RevisionWrite.HideAll(batch));
        deletion = batch;
        stamp = stamp.touchedAt(now);
        record(new DocumentDeleted(id, batch.batchId(), now));
    }

    /** Undoes exactly the deletion batch: what was deleted on its own before stays deleted. */
    public void restore(Clock clock) {
        if (deletion == null) {
            throw new ConflictException("document " + id + " is not deleted");
        }
        UUID batch = deletion.batchId();
        shares.replaceAll(share ->
                share.deletion() != null && share.deletion().batchId().equals(batch) ? share.restored() : share);
        revisionWrites.add(new RevisionWrite.Reveal(batch));
        deletion = null;
        Instant now = clock.now();
        stamp = stamp.touchedAt(now);
        record(new DocumentRestored(id, batch, now));
    }

    /** Records the purge; the repository removes the document with its revisions and shares. */
    public void purge(Clock clock) {
        record(new DocumentPurged(id, ownerId, clock.now()));
    }

    /** Returns and clears what the last changes do to the stored revisions, in order. */
    public List<RevisionWrite> pullRevisionWrites() {
        List<RevisionWrite> taken = List.copyOf(revisionWrites);
        revisionWrites.clear();
        return taken;
    }

    private void appendRevision(UserId author, Instant now) {
        revisionWrites.add(
                new RevisionWrite.Append(new DocumentRevision(id, revision, title, content, author, now, null)));
    }

    private void requireLive() {
        if (deletion != null) {
            throw new ConflictException("document " + id + " is deleted; restore it first");
        }
    }

    private void requireMine(DocumentRevision old) {
        if (!old.documentId().equals(id)) {
            throw new IllegalArgumentException("revision of another document");
        }
    }

    private Optional<DocumentShare> liveShareOf(UserId user) {
        return shares.stream()
                .filter(share -> share.isLive() && share.userId().equals(user))
                .findFirst();
    }

    /** The live shares (expired ones included: they grant nothing, but the owner sees them). */
    public List<DocumentShare> liveShares() {
        return shares.stream().filter(DocumentShare::isLive).toList();
    }

    public boolean isDeleted() {
        return deletion != null;
    }

    public DocumentId id() {
        return id;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    public DocumentKind kind() {
        return kind;
    }

    public Map<String, Object> content() {
        return content;
    }

    public int revision() {
        return revision;
    }

    /** Every share row, deleted ones too (they keep their batch). */
    public List<DocumentShare> shares() {
        return Collections.unmodifiableList(shares);
    }

    public Deletion deletion() {
        return deletion;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    public long version() {
        return stamp.version();
    }
}
