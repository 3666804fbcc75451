package io.strata.adapters.persistence.content;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.strata.domain.content.BlobStore;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.UploadId;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link BlobStore} on the local file system (the default): {@code <dir>/ab/cd/abcd...} by digest, two levels of
 * 256 directories so no directory grows large. Staging writes to {@code <dir>/tmp} through a 64 KiB buffer while
 * hashing, then fsyncs; promotion is an atomic rename followed by an fsync of the directory, so a blob is either
 * absent or complete under its name, even after a crash. A resumable upload's partial bytes are
 * {@code <dir>/uploads/<id>.part}, appended under an exclusive file lock and fsynced after each request; finished,
 * the partial is hashed and promoted by the same rename. Back it up with the directory (after the database dump,
 * so every blob a dumped row names is in the copy).
 */
@Singleton
@Requires(property = "strata.content.blob-store", value = "filesystem", defaultValue = "filesystem")
public class FileSystemBlobStore implements BlobStore {
    static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path staging;
    private final Path partials;

    public FileSystemBlobStore(@Value("${strata.content.blob-directory}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.staging = this.root.resolve("tmp");
        this.partials = this.root.resolve("uploads");
        try {
            Files.createDirectories(staging);
            Files.createDirectories(partials);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the blob directory " + staging, e);
        }
    }

    @Override
    public Staged stage(InputStream in, long maxBytes) throws IOException {
        Path file = Files.createTempFile(staging, "upload-", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean kept = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new LimitExceeded(maxBytes);
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            kept = true;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
        return new Staged(file, Sha256.of(digest.digest()), size);
    }

    @Override
    public void promote(Staged staged) throws IOException {
        Path target = path(staged.sha256());
        if (Files.exists(target)) {
            return; // same digest, same bytes: the staged copy is discarded by the caller
        }
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Files.move((Path) staged.handle(), target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(directory);
    }

    @Override
    public void discard(Staged staged) {
        try {
            Files.deleteIfExists((Path) staged.handle());
        } catch (IOException e) {
            // a leftover in tmp/ is harmless; it is never addressed by a digest
        }
    }

    @Override
    public Optional<InputStream> open(Sha256 sha256, long offset) throws IOException {
        try {
            FileChannel channel = FileChannel.open(path(sha256), StandardOpenOption.READ);
            channel.position(offset);
            return Optional.of(Channels.newInputStream(channel));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean contains(Sha256 sha256) {
        return Files.exists(path(sha256));
    }

    @Override
    public void delete(Sha256 sha256) throws IOException {
        Path target = path(sha256);
        if (Files.deleteIfExists(target)) {
            fsyncDirectory(target.getParent());
        }
    }

    @Override
    public void createPartial(UploadId upload) throws IOException {
        try {
            Files.createFile(partial(upload));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // idempotent
        }
        fsyncDirectory(partials);
    }

    @Override
    public long partialSize(UploadId upload) throws IOException {
        try {
            return Files.size(partial(upload));
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    @Override
    public long append(UploadId upload, long offset, InputStream in, long maxBytes) throws IOException {
        try (FileChannel out = FileChannel.open(partial(upload), StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = out.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another request of this process appends
            }
            if (lock == null) {
                throw new OffsetConflict(out.size());
            }
            try {
                long size = out.size();
                if (size != offset) {
                    throw new OffsetConflict(size);
                }
                out.position(size);
                long accepted = 0;
                try {
                    byte[] buffer = new byte[BUFFER];
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        int fits = (int) Math.min(read, maxBytes - accepted);
                        write(out, buffer, fits);
                        accepted += fits;
                        if (fits < read) {
                            throw new LimitExceeded(maxBytes);
                        }
                    }
                } finally {
                    out.force(true); // what arrived is kept, also when the client went away
                }
                return size + accepted;
            } finally {
                lock.release();
            }
        }
    }

    @Override
    public Staged finish(UploadId upload) throws IOException {
        Path file = partial(upload);
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
                size += read;
            }
        }
        return new Staged(file, Sha256.of(digest.digest()), size);
    }

    @Override
    public void discardPartial(UploadId upload) {
        try {
            Files.deleteIfExists(partial(upload));
        } catch (IOException e) {
            // found again by discardAbandoned
        }
    }

    @Override
    public int discardAbandoned(Instant before) throws IOException {
        int removed = 0;
        for (Path directory : List.of(staging, partials)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.toList();
            }
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).compareTo(FileTime.from(before)) < 0
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // promoted or discarded meanwhile
                }
            }
        }
        return removed;
    }

    private static void write(FileChannel out, byte[] buffer, int length) throws IOException {
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, length);
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    private Path partial(UploadId upload) {
        return partials.resolve(upload.value() + ".part");
    }

    Path path(Sha256 sha256) {
        String hex = sha256.hex();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
