package io.strata.bootstrap.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacked once per archive; later installs find the directory by the digest remembered for the class path. */
class PostgresBinariesTest {
    @Test
    void unpacksOnceThenFindsTheBinariesByTheRememberedDigest(@TempDir Path root) throws Exception {
        PostgresBinaries first = PostgresBinaries.install(root);
        assertThat(first.executable("postgres")).isExecutable();
        Path memo = single(root, "archive-digest-");
        assertThat(first.home().getFileName().toString())
                .isEqualTo("pg-" + Files.readString(memo).strip());

        assertThat(PostgresBinaries.install(root).home()).isEqualTo(first.home());

        Files.writeString(memo, "not a digest\n"); // unreadable: computed again, and remembered again
        assertThat(PostgresBinaries.install(root).home()).isEqualTo(first.home());
        assertThat(Files.readString(memo).strip())
                .isEqualTo(first.home().getFileName().toString().substring(3));

        Files.writeString(memo, "0123456789abcdef\n"); // a directory that is not there: computed again
        assertThat(PostgresBinaries.install(root).home()).isEqualTo(first.home());
        assertThat(PostgresBinaries.install(root).executable("postgres")).isExecutable();
        assertThat(single(root, "archive-digest-")).isEqualTo(memo);
    }

    @Test
    void aRememberedDigestIsTrustedWithoutReadingTheArchive(@TempDir Path root) throws Exception {
        PostgresBinaries.install(root);
        Path memo = single(root, "archive-digest-");
        // a complete directory under another name: found only if install goes by the memo, not by hashing the archive
        Path elsewhere = Files.createDirectories(root.resolve("pg-fedcba9876543210"));
        Files.createFile(elsewhere.resolve(".complete"));
        Files.writeString(memo, "fedcba9876543210\n");
        assertThat(PostgresBinaries.install(root).home())
                .isEqualTo(elsewhere.toAbsolutePath().normalize());
    }

    @Test
    void theMemosOfEarlierBuildsGo(@TempDir Path root) throws Exception {
        Path earlier = Files.writeString(root.resolve("archive-digest-0011223344556677"), "fedcba9876543210\n");
        PostgresBinaries.install(root); // this class path has no memo yet: hashed, remembered, and the old one gone
        assertThat(earlier).doesNotExist();
        assertThat(single(root, "archive-digest-")).isNotEqualTo(earlier);
    }

    private static Path single(Path root, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(root)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }
}
