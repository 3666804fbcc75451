package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK 25 or later beside the one the benchmark runs on: there the launcher keeps an AOT cache (JEP 483, 514, 515)
 * instead of a class data sharing archive, and the startup section measures that too. The version is read from the
 * JDK's {@code release} file, as the launcher reads it.
 */
final class NewerJdk {
    static final int MINIMUM = 25;
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private NewerJdk() {
    }

    /** The newest JDK of at least {@link #MINIMUM} directly under {@code jvms}; null when there is none. */
    static Path find(Path jvms) {
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> major(home).orElse(0) >= MINIMUM)
                    .max(Comparator.comparingInt((Path home) -> major(home).orElse(0)).thenComparing(Path::toString))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code home}, checked to be a JDK of at least {@link #MINIMUM}. */
    static Path check(Path home) {
        int major = major(home).orElseThrow(() -> new IllegalArgumentException("--newer-jdk=" + home + ": no JDK there (no release file)"));
        if (major < MINIMUM || !Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalArgumentException("--newer-jdk=" + home + ": Java " + major + ", expected " + MINIMUM + " or later");
        }
        return home.toAbsolutePath();
    }

    /** The JDK's major version from its release file; empty when there is none or it does not say. */
    static Optional<Integer> major(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
