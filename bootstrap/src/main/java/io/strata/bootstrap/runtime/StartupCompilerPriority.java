package io.strata.bootstrap.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While Strata starts, the JVM's C2 compiler threads run at the lowest CPU priority (nice 19); once it serves, they
 * get their priority back. C2 compiles the methods that turned hot, which matters for the requests to come, not for
 * the start, yet on a small machine it takes a core from the start's main thread: on the 2-core reference machine
 * C2 used ~1.0 s of CPU during a ~2 s start. Lowered, it compiles with what the start leaves idle (restarts to the
 * first 200 with an external PostgreSQL, 12 alternating rounds: median 1,732 ms against 1,946 ms). C1 keeps its
 * priority: the start runs on C1's code (reniced from outside the JVM, C1 and C2 lowered: 1,693 ms, C2 alone: 1,646).
 *
 * <p>Only where the priority can be given back: Linux without that privilege cannot raise a thread's priority
 * again, and C2 starved under load for the rest of the run would cost far more than the start gains. So it applies
 * only with {@code CAP_SYS_NICE} or an {@code RLIMIT_NICE} that allows the way back; elsewhere nothing changes.
 * The work runs on a thread of its own (JNA's {@code setpriority}), not on the start's path.
 */
public final class StartupCompilerPriority {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCompilerPriority.class);
    private static final int PRIO_PROCESS = 0; // with a thread id: that thread only (Linux)
    private static final int LOWEST = 19;
    private static final int CAP_SYS_NICE = 23;
    private static final Path TASKS = Path.of("/proc/self/task");

    private final CountDownLatch startOver = new CountDownLatch(1);
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Thread worker;

    private StartupCompilerPriority(boolean enabled) {
        this.worker = enabled ? new Thread(this::run, "startup-compiler-priority") : null;
        if (worker != null) {
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Lowers the C2 compiler threads' priority until {@link #restore}, where that can be undone. */
    public static StartupCompilerPriority lowerWhileStarting() {
        // JNA is first touched on the worker thread: its classes and library load off the start's path
        return new StartupCompilerPriority(
                System.getProperty("os.name", "").startsWith("Linux") && Files.isDirectory(TASKS));
    }

    /** The start is over (served or failed): the compiler threads get their priority back. */
    public void restore() {
        startOver.countDown();
    }

    private void run() {
        Map<Integer, Integer> lowered = new LinkedHashMap<>(); // thread id -> its nice value before
        Function setpriority = null;
        try {
            Map<Integer, Integer> compilers = c2Threads();
            if (!compilers.isEmpty() && canRestore(compilers)) {
                setpriority = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("setpriority");
                for (Map.Entry<Integer, Integer> thread : compilers.entrySet()) {
                    if (setpriority.invokeInt(new Object[] {PRIO_PROCESS, thread.getKey(), LOWEST}) == 0) {
                        lowered.put(thread.getKey(), thread.getValue());
                    }
                }
            }
        } catch (RuntimeException | LinkageError | IOException unavailable) {
            LOG.debug("JIT compiler priority left as it is: {}", unavailable.toString());
        } finally {
            settled.countDown();
        }
        if (lowered.isEmpty()) {
            return;
        }
        try {
            startOver.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // restores all the same
        }
        for (Map.Entry<Integer, Integer> thread : lowered.entrySet()) {
            if (setpriority.invokeInt(new Object[] {PRIO_PROCESS, thread.getKey(), thread.getValue()}) != 0) {
                LOG.warn("could not give the JIT compiler thread {} its CPU priority back", thread.getKey());
            }
        }
    }

    /** Waits until the priority was lowered, or found not to be lowered here (tests). */
    boolean awaitLowered(Duration timeout) throws InterruptedException {
        return worker == null || settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the priority is back after {@link #restore} (tests). */
    boolean awaitRestored(Duration timeout) throws InterruptedException {
        if (worker != null) {
            worker.join(timeout.toMillis());
        }
        return worker == null || !worker.isAlive();
    }

    /** The JVM's C2 compiler threads ({@code C2 CompilerThreadN}, 15 characters of it in comm) and their nice values. */
    static Map<Integer, Integer> c2Threads() throws IOException {
        Map<Integer, Integer> threads = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("C2 CompilerThre")) {
                        threads.put(
                                Integer.parseInt(task.getFileName().toString()),
                                nice(Files.readString(task.resolve("stat"))));
                    }
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return threads;
    }

    /** The nice value in a {@code /proc/.../stat} line (the 19th field; the command name, 2nd, may hold spaces). */
    static int nice(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Integer.parseInt(fields[16]);
    }

    /** Whether this process may set each thread's nice value back (privilege, or a soft nice limit allowing it). */
    static boolean canRestore(Map<Integer, Integer> threads) throws IOException {
        if (hasCapability(Files.readString(Path.of("/proc/self/status")), CAP_SYS_NICE)) {
            return true;
        }
        long limit = niceLimit(Files.readString(Path.of("/proc/self/limits")));
        return threads.values().stream().allMatch(nice -> 20 - nice <= limit);
    }

    static boolean hasCapability(String status, int capability) {
        for (String line : status.split("\n")) {
            if (line.startsWith("CapEff:")) {
                return new java.math.BigInteger(
                                line.substring("CapEff:".length()).trim(), 16)
                        .testBit(capability);
            }
        }
        return false;
    }

    /** The soft "Max nice priority" of {@code /proc/self/limits} (0 when absent: no way back without privilege). */
    static long niceLimit(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max nice priority")) {
                String soft =
                        line.substring("Max nice priority".length()).trim().split("\\s+")[0];
                return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return 0;
    }
}
