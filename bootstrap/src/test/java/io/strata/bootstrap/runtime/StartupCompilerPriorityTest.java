package io.strata.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The C2 compiler threads of this very JVM: lowered to nice 19 while "starting" where the priority can be given
 * back, given back after, and left alone where it could not be.
 */
class StartupCompilerPriorityTest {

    @Test
    void theCompilerThreadsAreLoweredWhileStartingAndGetTheirPriorityBackAfter() throws Exception {
        assumeThat(Files.isDirectory(Path.of("/proc/self/task"))).as("Linux").isTrue();
        Map<Integer, Integer> before = StartupCompilerPriority.c2Threads();
        assumeThat(before).as("this JVM runs C2").isNotEmpty();
        boolean restorable = StartupCompilerPriority.canRestore(before);

        StartupCompilerPriority priority = StartupCompilerPriority.lowerWhileStarting();
        assertThat(priority.awaitLowered(Duration.ofSeconds(30))).isTrue();
        Map<Integer, Integer> during = StartupCompilerPriority.c2Threads();
        priority.restore();
        assertThat(priority.awaitRestored(Duration.ofSeconds(30))).isTrue();

        assertThat(during.keySet()).isEqualTo(before.keySet());
        if (restorable) {
            assertThat(during.values()).as("lowered while starting").containsOnly(19);
        } else {
            assertThat(during).as("no way back here: left as it was").isEqualTo(before);
        }
        assertThat(StartupCompilerPriority.c2Threads()).as("given back").isEqualTo(before);
    }

    @Test
    void aStatLineGivesItsNiceValueWhateverTheCommandName() {
        String fields = " S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 20 7 0 99"; // priority 20, nice 7
        assertThat(StartupCompilerPriority.nice("4242 (C2 CompilerThre)" + fields))
                .isEqualTo(7);
        assertThat(StartupCompilerPriority.nice("4242 (a) b (c)" + fields)).isEqualTo(7);
        assertThat(StartupCompilerPriority.nice("1 (x)" + fields.replace(" 7 ", " -5 ")))
                .isEqualTo(-5);
    }

    @Test
    void theWayBackIsAPrivilegeOrANiceLimit() {
        assertThat(StartupCompilerPriority.hasCapability("Name:\tjava\nCapEff:\t000001fffeffffff\n", 23))
                .isTrue();
        assertThat(StartupCompilerPriority.hasCapability("CapEff:\t00000000a80425fb\n", 23))
                .isFalse();
        assertThat(StartupCompilerPriority.hasCapability("Name:\tjava\n", 23)).isFalse();
        assertThat(StartupCompilerPriority.niceLimit(
                        "Limit                     Soft Limit           Hard Limit           Units     \n"
                                + "Max nice priority         0                    0                    \n"))
                .isZero();
        assertThat(StartupCompilerPriority.niceLimit("Max nice priority         40                   40\n"))
                .isEqualTo(40);
        assertThat(StartupCompilerPriority.niceLimit("Max nice priority         unlimited            unlimited\n"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(StartupCompilerPriority.niceLimit("")).isZero();
    }
}
