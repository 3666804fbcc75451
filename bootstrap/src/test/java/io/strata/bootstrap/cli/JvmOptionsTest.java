package io.strata.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bootstrap/jvm.options} sets {@code -XX:+IgnoreUnrecognizedVMOptions} (so a JDK 17 update that predates an
 * option still starts), which also makes a misspelt {@code -XX:} option pass in silence. This JVM is asked which of
 * the file's options it took ({@code -XX:+PrintFlagsFinal}): each must show as set on the command line, with the
 * file's value.
 */
class JvmOptionsTest {

    /** Options the file keeps for JDKs that know them; an older JDK 17 update ignores them (the file says so). */
    private static final Set<String> NEWER_THAN_SOME_JDK_17 = Set.of("TrimNativeHeapInterval");

    private static final Pattern XX = Pattern.compile("-XX:([+-]?)([A-Za-z0-9]+)(?:=(.*))?");

    @Test
    void every_XX_option_of_the_file_is_one_this_JVM_took() throws Exception {
        List<String> options = options();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-XX:+PrintFlagsFinal");
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String flags = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(flags).isZero();

        int checked = 0;
        for (String option : options) {
            Matcher xx = XX.matcher(option);
            if (!xx.matches() || xx.group(2).equals("CompileCommand")) {
                continue; // not a flag (-Xmx, --enable-native-access) or a command the flag table does not list
            }
            String name = xx.group(2);
            String value = xx.group(3) != null
                    ? xx.group(3)
                    : String.valueOf(!xx.group(1).equals("-"));
            Matcher line = Pattern.compile("(?m)^\\s*\\S+\\s+" + name + "\\s+:?=\\s*(\\S*)\\s+\\{[^}]*}\\s+\\{([^}]*)}")
                    .matcher(flags);
            boolean known = line.find();
            if (!known && NEWER_THAN_SOME_JDK_17.contains(name)) {
                continue;
            }
            assertThat(known)
                    .as("-XX:%s is unknown to this JVM (misspelt?)", name)
                    .isTrue();
            assertThat(line.group(2))
                    .as("-XX:%s taken from the command line", name)
                    .isEqualTo("command line");
            assertThat(normalized(line.group(1))).as("-XX:%s", name).isEqualTo(normalized(value));
            checked++;
        }
        assertThat(checked).as("-XX: flags checked").isGreaterThanOrEqualTo(5);
    }

    /** The file's options, one per line, comments dropped (as ./strata and bench/run read it). */
    private static List<String> options() throws IOException {
        Path file = Path.of("..").toAbsolutePath().normalize().resolve("bootstrap/jvm.options");
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String option = line.replaceFirst("#.*", "").strip();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }

    /** 2 and 2.000000, 64m and 67108864 name the same value. */
    private static String normalized(String value) {
        Matcher size = Pattern.compile("(\\d+)([kKmMgG])").matcher(value);
        if (size.matches()) {
            long n = Long.parseLong(size.group(1));
            return String.valueOf(
                    switch (Character.toLowerCase(size.group(2).charAt(0))) {
                        case 'k' -> n << 10;
                        case 'm' -> n << 20;
                        default -> n << 30;
                    });
        }
        if (value.matches("\\d+\\.\\d+")) {
            return String.valueOf(Double.parseDouble(value)).replaceAll("\\.0$", "");
        }
        return value;
    }
}
