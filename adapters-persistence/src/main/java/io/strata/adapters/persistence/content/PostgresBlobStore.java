package io.strata.adapters.persistence.content;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.strata.adapters.persistence.shared.JoinsTransaction;
import io.strata.domain.content.BlobStore;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.UploadId;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link BlobStore} in PostgreSQL ({@code strata.content.blob-store=postgres}): several Strata instances share the
 * blobs, and they are replicated and backed up with the database. An object's bytes are rows of at most 1 MiB in
 * {@code content_blob_chunks}, keyed by the object's id and the offset of the row's first byte; a digest names an
 * object once a row in {@code content_blob_digests} says so.
 *
 * <ul>
 *   <li>Staging streams the body into chunks of a fresh object, each chunk its own short autocommit statement on a
 *       connection borrowed for that chunk only (a slow client holds no connection), so memory is one chunk.
 *   <li>Promotion inserts the digest row in the caller's transaction (the one that takes the first reference):
 *       until it commits no reader can reach the object, so a half-written blob is never visible. A concurrent
 *       promotion of the same digest keeps the first object; the loser's chunks go with {@link #discard}.
 *   <li>Reading fetches one chunk per statement, again on a briefly borrowed connection.
 *   <li>A partial (resumable upload) is an object without a digest row whose id is the upload's; appends start at
 *       its current size, and two racing appends collide on the chunk key (one gets {@link OffsetConflict}).
 * </ul>
 */
@Singleton
@Requires(property = "strata.content.blob-store", value = "postgres")
public class PostgresBlobStore implements BlobStore {
    static final int CHUNK = 1024 * 1024;

    private static final String INSERT_CHUNK =
            "INSERT INTO content_blob_chunks (object_id, pos, bytes) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String CHUNK_AT =
            "SELECT pos, bytes FROM content_blob_chunks WHERE object_id = ? AND pos <= ? ORDER BY pos DESC LIMIT 1";
    private static final String OBJECT_SIZE =
            "SELECT count(*), coalesce(sum(octet_length(bytes)), 0) FROM content_blob_chunks WHERE object_id = ?";
    private static final String DISCARD_UNNAMED = """
            DELETE FROM content_blob_chunks
            WHERE object_id = ? AND NOT EXISTS (SELECT 1 FROM content_blob_digests WHERE object_id = ?)""";
    private static final String DISCARD_ABANDONED = """
            DELETE FROM content_blob_chunks c
            WHERE c.object_id IN (SELECT object_id FROM content_blob_chunks
                                  GROUP BY object_id HAVING max(written_at) < ?)
              AND NOT EXISTS (SELECT 1 FROM content_blob_digests d WHERE d.object_id = c.object_id)""";

    private final DataSource dataSource;
    private final EntityManager entityManager;

    public PostgresBlobStore(
            @Named("default") DataSource dataSource,
            @Nullable DataSourceResolver resolver,
            EntityManager entityManager) {
        // the pool itself, not the transaction-bound proxy: chunks are written and read outside any transaction
        this.dataSource = resolver != null ? resolver.resolve(dataSource) : dataSource;
        this.entityManager = entityManager;
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        UUID object = UUID.randomUUID();
        MessageDigest digest = FileSystemBlobStore.sha256();
        long size = 0;
        boolean kept = false;
        try {
            byte[] chunk = new byte[CHUNK];
            int filled;
            while ((filled = fill(in, chunk).orThrow()) > 0) {
                if (size + filled > maxBytes) {
                    throw new LimitExceeded(maxBytes);
                }
                digest.update(chunk, 0, filled);
                if (!insertChunk(object, size, chunk, filled)) {
                    throw new IOException("chunk " + size + " of staged object " + object + " exists");
                }
                size += filled;
            }
            kept = true;
        } finally {
            if (!kept) {
                discardObject(object);
            }
        }
        return new Staged(object, Sha256.of(digest.digest()), size);
    }

    @Override
    @JoinsTransaction
    public void promote(Staged staged) {
        // in the caller's transaction: the digest names the object when (and only if) the reference commits
        entityManager
                .createNativeQuery("""
                        INSERT INTO content_blob_digests (sha256, object_id, size_bytes) VALUES (:sha, :object, :size)
                        ON CONFLICT (sha256) DO NOTHING""")
                .setParameter("sha", staged.sha256().hex())
                .setParameter("object", (UUID) staged.handle())
                .setParameter("size", staged.sizeBytes())
                .executeUpdate();
    }

    @Override
    public void discard(Staged staged) {
        discardObject((UUID) staged.handle());
    }

    @Override
    public Optional<InputStream> open(Sha256 sha256, long offset) throws IOException {
        Optional<Addressed> named = named(sha256);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChunkStream(
                named.get().object(),
                Math.min(offset, named.get().size()),
                named.get().size()));
    }

    @Override
    public boolean contains(Sha256 sha256) throws IOException {
        return named(sha256).isPresent();
    }

    @Override
    @JoinsTransaction
    public void delete(Sha256 sha256) {
        // the sweeper's transaction, under the blob's lock: the name and the bytes go together
        List<?> objects = entityManager
                .createNativeQuery("DELETE FROM content_blob_digests WHERE sha256 = :sha RETURNING object_id")
                .setParameter("sha", sha256.hex())
                .getResultList();
        for (Object object : objects) {
            entityManager
                    .createNativeQuery("DELETE FROM content_blob_chunks WHERE object_id = :object")
                    .setParameter("object", object)
                    .executeUpdate();
        }
    }

    @Override
    public void createPartial(UploadId upload) {
        // an object exists by its chunks: an empty partial has none
    }

    @Override
    public long partialSize(UploadId upload) throws IOException {
        return objectSize(upload.value());
    }

    @Override
    public long append(UploadId upload, long offset, InputStream in, long maxBytes) throws IOException {
        long size = objectSize(upload.value());
        if (size != offset) {
            throw new OffsetConflict(size);
        }
        long accepted = 0;
        byte[] chunk = new byte[CHUNK];
        while (true) {
            Fill fill = fill(in, chunk);
            int filled = fill.length();
            IOException broken = fill.failure();
            int fits = (int) Math.min(filled, maxBytes - accepted);
            if (fits > 0 && !insertChunk(upload.value(), offset + accepted, chunk, fits)) {
                throw new OffsetConflict(objectSize(upload.value())); // another append wrote there first
            }
            accepted += fits;
            if (broken != null) {
                throw broken; // what arrived before is kept
            }
            if (fits < filled) {
                throw new LimitExceeded(maxBytes);
            }
            if (filled < CHUNK) {
                return offset + accepted;
            }
        }
    }

    @Override
    public Staged finish(UploadId upload) throws IOException {
        long size = objectSize(upload.value());
        MessageDigest digest = FileSystemBlobStore.sha256();
        try (InputStream in = new ChunkStream(upload.value(), 0, size)) {
            byte[] buffer = new byte[FileSystemBlobStore.BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        }
        return new Staged(upload.value(), Sha256.of(digest.digest()), size);
    }

    @Override
    public void discardPartial(UploadId upload) {
        discardObject(upload.value());
    }

    @Override
    public int discardAbandoned(Instant before) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(DISCARD_ABANDONED)) {
            statement.setTimestamp(1, Timestamp.from(before));
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot discard abandoned chunks: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ JDBC

    private record Addressed(UUID object, long size) {}

    private Optional<Addressed> named(Sha256 sha256) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT object_id, size_bytes FROM content_blob_digests WHERE sha256 = ?")) {
            statement.setString(1, sha256.hex());
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? Optional.of(new Addressed(row.getObject(1, UUID.class), row.getLong(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("cannot look up blob " + sha256 + ": " + e.getMessage(), e);
        }
    }

    private long objectSize(UUID object) throws IOException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(OBJECT_SIZE)) {
            statement.setObject(1, object);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(2);
            }
        } catch (SQLException e) {
            throw new IOException("cannot size object " + object + ": " + e.getMessage(), e);
        }
    }

    /** One chunk in its own autocommit statement; false when a chunk already starts there. */
    private boolean insertChunk(UUID object, long pos, byte[] chunk, int length) throws IOException {
        byte[] bytes = length == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, length);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT_CHUNK)) {
            statement.setObject(1, object);
            statement.setLong(2, pos);
            statement.setBytes(3, bytes);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IOException("cannot write chunk " + pos + " of object " + object + ": " + e.getMessage(), e);
        }
    }

    private void discardObject(UUID object) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(DISCARD_UNNAMED)) {
            statement.setObject(1, object);
            statement.setObject(2, object);
            statement.executeUpdate();
        } catch (SQLException e) {
            // left to discardAbandoned
        }
    }

    /** What {@link #fill} read, and the stream's failure if it broke before the chunk was full or ended. */
    private record Fill(int length, IOException failure) {
        int orThrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
            return length;
        }
    }

    /** Bytes read into {@code chunk} until it is full or the stream ends (0 at the end). */
    private static Fill fill(InputStream in, byte[] chunk) {
        int filled = 0;
        try {
            while (filled < chunk.length) {
                int read = in.read(chunk, filled, chunk.length - filled);
                if (read == -1) {
                    break;
                }
                filled += read;
            }
            return new Fill(filled, null);
        } catch (IOException e) {
            return new Fill(filled, e);
        }
    }

    /** The object's bytes from an offset on, one chunk per statement. */
    private final class ChunkStream extends InputStream {
        private final UUID object;
        private final long size;
        private long position;
        private byte[] chunk = new byte[0];
        private int index;

        ChunkStream(UUID object, long offset, long size) {
            this.object = object;
            this.position = offset;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (index == chunk.length && !nextChunk()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - index);
            System.arraycopy(chunk, index, buffer, off, n);
            index += n;
            position += n;
            return n;
        }

        private boolean nextChunk() throws IOException {
            if (position >= size) {
                return false;
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(CHUNK_AT)) {
                statement.setObject(1, object);
                statement.setLong(2, position);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw new IOException("object " + object + " has no bytes at " + position);
                    }
                    long pos = row.getLong(1);
                    byte[] bytes = row.getBytes(2);
                    if (pos + bytes.length <= position) {
                        throw new IOException("object " + object + " has no bytes at " + position);
                    }
                    chunk = bytes;
                    index = (int) (position - pos);
                    return true;
                }
            } catch (SQLException e) {
                throw new IOException("cannot read object " + object + ": " + e.getMessage(), e);
            }
        }
    }
}
