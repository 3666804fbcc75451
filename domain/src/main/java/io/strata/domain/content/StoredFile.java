package io.strata.domain.content;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file a user uploaded: its name and type as the client gave them, and the blob that holds its bytes
 * (by digest; identical content is stored once, see {@link BlobReferences}). Soft delete hides it
 * ({@link Deletion}); purge removes the row and releases the blob in the same transaction.
 */
public final class StoredFile extends AggregateRoot {
    public static final int MAX_NAME = 255;
    private static final Pattern MIME = Pattern.compile("[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}");
    public static final String DEFAULT_MIME_TYPE = "application/octet-stream";

    private final StoredFileId id;
    private final UserId ownerId;
    private final String name;
    private final String mimeType;
    private final BlobRef blob;
    private Visibility visibility;
    private final long downloadCount;
    private Deletion deletion;
    private AuditStamp stamp;

    private StoredFile(
            StoredFileId id,
            UserId ownerId,
            String name,
            String mimeType,
            BlobRef blob,
            Visibility visibility,
            long downloadCount,
            Deletion deletion,
            AuditStamp stamp) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.mimeType = mimeType;
        this.blob = blob;
        this.visibility = visibility;
        this.downloadCount = downloadCount;
        this.deletion = deletion;
        this.stamp = stamp;
    }

    /** A new file over an already stored blob; the name and type are validated, the type defaults to octet-stream. */
    public static StoredFile create(
            UserId ownerId, String name, String mimeType, BlobRef blob, Visibility visibility, Clock clock) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(blob, "blob");
        StoredFile file = new StoredFile(
                StoredFileId.newId(),
                ownerId,
                name(name),
                mimeType(mimeType),
                blob,
                visibility == null ? Visibility.PRIVATE : visibility,
                0,
                null,
                AuditStamp.createdAt(clock.now()));
        file.record(new FileUploaded(file.id, ownerId, blob.sha256(), blob.sizeBytes(), clock.now()));
        return file;
    }

    public static StoredFile reconstitute(
            StoredFileId id,
            UserId ownerId,
            String name,
            String mimeType,
            BlobRef blob,
            Visibility visibility,
            long downloadCount,
            Deletion deletion,
            AuditStamp stamp) {
        return new StoredFile(id, ownerId, name, mimeType, blob, visibility, downloadCount, deletion, stamp);
    }

    /** A file name: 1..255 characters, no control characters (they would reach headers and file systems). */
    public static String name(String name) {
        String value = Text.required("name", name, MAX_NAME);
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "must not contain control characters");
        }
        return value;
    }

    /** A media type {@code type/subtype} without parameters, lower-cased; missing means octet-stream. */
    public static String mimeType(String mimeType) {
        if (mimeType == null || mimeType.isBlank()) {
            return DEFAULT_MIME_TYPE;
        }
        String value = mimeType.strip();
        int semicolon = value.indexOf(';');
        if (semicolon >= 0) {
            value = value.substring(0, semicolon).strip();
        }
        if (!MIME.matcher(value).matches()) {
            throw new ValidationException("mimeType", "must be a media type such as text/plain");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    public void changeVisibility(Visibility next, Clock clock) {
        if (next == null) {
            throw new ValidationException("visibility", "is required");
        }
        requireLive();
        if (next != visibility) {
            visibility = next;
            stamp = stamp.touchedAt(clock.now());
            record(new FileVisibilityChanged(id, next, clock.now()));
        }
    }

    /** Soft delete in a batch of its own. */
    public void delete(Clock clock) {
        requireLive();
        deletion = Deletion.newBatch(clock.now());
        stamp = stamp.touchedAt(clock.now());
        record(new FileDeleted(id, deletion.batchId(), clock.now()));
    }

    public void restore(Clock clock) {
        if (deletion == null) {
            throw new ConflictException("file " + id + " is not deleted");
        }
        deletion = null;
        stamp = stamp.touchedAt(clock.now());
        record(new FileRestored(id, clock.now()));
    }

    /** Records the purge; the repository removes the row and releases the blob. */
    public void purge(Clock clock) {
        record(new FilePurged(id, blob.sha256(), clock.now()));
    }

    private void requireLive() {
        if (deletion != null) {
            throw new ConflictException("file " + id + " is deleted; restore it first");
        }
    }

    public boolean isDeleted() {
        return deletion != null;
    }

    public StoredFileId id() {
        return id;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public String mimeType() {
        return mimeType;
    }

    public BlobRef blob() {
        return blob;
    }

    public Visibility visibility() {
        return visibility;
    }

    public long downloadCount() {
        return downloadCount;
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
