package io.strata.bootstrap.content;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.strata.adapters.persistence.content.FileSystemBlobStore;
import io.strata.adapters.persistence.content.PostgresBlobStore;
import io.strata.domain.content.BlobStore;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.UploadId;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * Run in a JVM of its own with a heap several times smaller than the content ({@link BoundedMemoryTest}): drives a
 * blob store adapter through everything an upload does with the bytes (stage, promote, read back from 0 and from an
 * offset, a resumable upload's appends and finish) with generated content. An adapter that buffers a whole upload
 * dies with OutOfMemoryError (exit status 1); success prints {@code ok <sha256>}.
 *
 * <p>Arguments: {@code filesystem <directory> <bytes>} or {@code postgres <jdbc url> <bytes>}.
 */
public final class BlobStoreMemoryProbe {
    private BlobStoreMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[2]);
        HikariDataSource pool = null;
        BlobStore store;
        if (args[0].equals("filesystem")) {
            store = new FileSystemBlobStore(Path.of(args[1]));
        } else {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(args[1]);
            config.setUsername("postgres");
            config.setMaximumPoolSize(2);
            pool = new HikariDataSource(config);
            store = new PostgresBlobStore(pool, null, null);
        }
        try {
            Sha256 expected = digest(new Generated(size), 0);

            BlobStore.Staged staged = store.stage(new Generated(size), Long.MAX_VALUE);
            check(staged.sha256().equals(expected) && staged.sizeBytes() == size, "staged digest");
            if (pool == null) {
                store.promote(staged);
            } else { // promotion is one row in the caller's transaction (Hibernate's there); here plain JDBC
                try (Connection connection = pool.getConnection();
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO content_blob_digests (sha256, object_id, size_bytes) VALUES (?, ?, ?)")) {
                    insert.setString(1, staged.sha256().hex());
                    insert.setObject(2, staged.handle());
                    insert.setLong(3, staged.sizeBytes());
                    insert.executeUpdate();
                }
            }
            store.discard(staged);

            try (InputStream in = store.open(expected, 0).orElseThrow()) {
                check(digest(in, 0).equals(expected), "read back");
            }
            long offset = size / 3 + 7;
            try (InputStream in = store.open(expected, offset).orElseThrow()) {
                check(digest(in, 0).equals(digest(new Generated(size), offset)), "read from an offset");
            }

            UploadId upload = UploadId.newId();
            store.createPartial(upload);
            long half = size / 2 + 11;
            store.append(upload, 0, new Limited(new Generated(size), half), size);
            Generated rest = new Generated(size);
            rest.skipNBytes(half);
            store.append(upload, half, rest, size - half);
            BlobStore.Staged finished = store.finish(upload);
            check(finished.sha256().equals(expected), "resumable upload digest");
            store.discardPartial(upload);

            System.out.println("ok " + expected.hex());
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what + " differs");
        }
    }

    private static Sha256 digest(InputStream in, long skip) throws Exception {
        in.skipNBytes(skip);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) != -1) {
            digest.update(buffer, 0, read);
        }
        return Sha256.of(digest.digest());
    }

    /** {@code size} pseudo-random bytes (xorshift), the same every time, generated as read: nothing held. */
    static final class Generated extends InputStream {
        private final long size;
        private long position;
        private long state = 0x9E3779B97F4A7C15L;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                buffer[offset + i] = (byte) state;
            }
            position += n;
            return n;
        }
    }

    /** The first {@code limit} bytes of a stream. */
    static final class Limited extends InputStream {
        private final InputStream in;
        private long left;

        Limited(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }
}
