package io.strata.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.io.ResourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context builder's resource loader reads configuration files through the class loader, the rest as Micronaut does. */
class StrataContextBuilderTest {

    @TempDir
    Path dir;

    @Test
    void theApplicationsConfigurationIsReadAsTheClassLoaderHasIt() throws IOException {
        ResourceLoader resources = new StrataContextBuilder().getResourceLoader();
        byte[] expected;
        try (InputStream in = StrataContextBuilder.class.getClassLoader().getResourceAsStream("application.yml")) {
            expected = in.readAllBytes();
        }

        assertThat(bytes(resources.getResourceAsStream("application.yml"))).isEqualTo(expected);
        assertThat(resources.getResourceAsStream("application-no-such-environment.yml"))
                .isEmpty();
    }

    @Test
    void aJarsFilesAreReadWithoutItsZipFileSystemAndEverythingElseAsMicronautReadsIt() throws IOException {
        Path jar = dir.resolve("config.jar");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file)) {
            put(out, "application.yml", "a: 1\n");
            put(out, "conf/nested.yml", "b: 2\n");
            out.putNextEntry(new JarEntry("META-INF/"));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ResourceLoader resources = new StrataContextBuilder.ConfigurationFiles(loader);

            assertThat(text(resources.getResourceAsStream("application.yml"))).isEqualTo("a: 1\n");
            assertThat(resources.getResourceAsStream("application.properties")).isEmpty();
            assertThat(text(resources.getResourceAsStream("conf/nested.yml")))
                    .as("Micronaut's way")
                    .isEqualTo("b: 2\n");
            assertThat(resources.getResourceAsStream("META-INF"))
                    .as("a directory")
                    .isEmpty();
            assertThat(resources.getResourceAsStream("../application.yml"))
                    .as("refused as Micronaut refuses it")
                    .isEmpty();
        }
    }

    @Test
    void onlyAFileNameWithAnExtensionAtTheTopIsAConfigurationFile() {
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile("application.yml"))
                .isTrue();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile("application-test.properties"))
                .isTrue();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile("META-INF/x.yml"))
                .isFalse();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile("..\\x.yml"))
                .isFalse();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile("META-INF"))
                .isFalse();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile(".yml"))
                .isFalse();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile("x."))
                .isFalse();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile(""))
                .isFalse();
        assertThat(StrataContextBuilder.ConfigurationFiles.isConfigurationFile(null))
                .isFalse();
    }

    private static void put(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static byte[] bytes(Optional<InputStream> stream) throws IOException {
        assertThat(stream).isPresent();
        try (InputStream in = stream.get()) {
            return in.readAllBytes();
        }
    }

    private static String text(Optional<InputStream> stream) throws IOException {
        return new String(bytes(stream), StandardCharsets.UTF_8);
    }
}
