package io.strata.bootstrap.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Memory stays bounded whatever the size: each blob store adapter handles content four times larger than the
 * heap of the JVM it runs in ({@link BlobStoreMemoryProbe}, forked with {@code -Xmx32m}). Buffering an upload, a
 * read or a resumable upload whole would end that JVM with OutOfMemoryError. (This class's own application
 * context only migrates the database the PostgreSQL adapter writes to.)
 */
class BoundedMemoryTest extends IntegrationTest {
    static final String HEAP = "-Xmx32m";
    static final long SIZE = 128L * 1024 * 1024;

    @Test
    void theFileSystemStoreHandlesContentFourTimesItsHeap() throws Exception {
        Path directory = Files.createTempDirectory("strata-bounded-");
        assertThat(probe("filesystem", directory.toString())).startsWith("ok ");
    }

    @Test
    void thePostgresStoreHandlesContentFourTimesItsHeap() throws Exception {
        assertThat(probe("postgres", jdbcUrl())).startsWith("ok ");
    }

    private static String probe(String store, String where) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BlobStoreMemoryProbe.class.getName());
        command.add(store);
        command.add(where);
        command.add(String.valueOf(SIZE));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("probe ended: %s", output).isTrue();
        assertThat(process.exitValue())
                .as("probe exit status; output:%n%s", output)
                .isZero();
        return output.lines().filter(line -> line.startsWith("ok ")).findFirst().orElse(output);
    }
}
