package io.strata.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server under test (Strata, the baseline or the Spring peer) in its own JVM. {@link #launch} returns once
 * {@code /health} answers 200 and records how long that took from the moment the process was started; {@link #rssKb}
 * reads the resident set size from /proc, {@link #sampleRss} tracks its peak while a load runs, and
 * {@link #cpuMillis} reads the CPU time the process has used.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    final String name;
    final String baseUrl;
    final long startupMillis;
    final Path log;
    private final Process process;

    private ServerProcess(String name, String baseUrl, long startupMillis, Path log, Process process) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.startupMillis = startupMillis;
        this.log = log;
        this.process = process;
    }

    static ServerProcess launch(String name, List<String> command, Map<String, String> env, Path workDir, Path log,
                                int port, Duration timeout) {
        String baseUrl = "http://127.0.0.1:" + port;
        URI health = URI.create(baseUrl + "/health");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BenchFailure("cannot launch " + name + ": " + e.getMessage(), e);
        }
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchFailure(name + " exited with " + process.exitValue() + " before answering /health; log: " + log
                        + "\n" + Shell.tail(readQuietly(log), 1500));
            }
            if (healthy(health)) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                return new ServerProcess(name, baseUrl, millis, log, process);
            }
            sleep(5);
        }
        process.destroyForcibly();
        throw new BenchFailure(name + " did not answer /health within " + timeout.toSeconds() + " s; log: " + log);
    }

    private static boolean healthy(URI health) {
        try {
            HttpResponse<Void> response = PROBE.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident set size of the server's JVM (VmRSS), in KiB. */
    long rssKb() {
        return rssKb(process.pid());
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // process gone or /proc unavailable: reported as 0
        }
        return 0;
    }

    /** CPU time (user + system, all threads) the server's JVM has used so far, in ms; -1 when /proc cannot tell. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // fields after the command name, which is in parentheses and may contain spaces: state is field 3,
            // utime field 14 and stime field 15, in clock ticks
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * How many methods the server's JIT has compiled so far ({@code jstat -compiler}, from the JVM's performance
     * counters); -1 when jstat cannot tell (no JDK tools beside this java, or counters off).
     */
    long compilations() {
        try {
            Shell.Result result = Shell.run(List.of(JSTAT, "-compiler", String.valueOf(process.pid())), Map.of(), null, 30);
            List<String> lines = result.out().strip().lines().toList();
            return result.exitCode() == 0 && lines.size() >= 2 ? Long.parseLong(lines.get(1).strip().split("\\s+")[0]) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static final String JSTAT = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();

    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            return Long.parseLong(Shell.firstLine(List.of("getconf", "CLK_TCK")).strip());
        } catch (NumberFormatException e) {
            return 100;   // Linux's USER_HZ nearly everywhere
        }
    }

    /** Samples RSS every 100 ms until the returned handle is closed; {@link RssPeak#peakKb} is the maximum seen. */
    RssPeak sampleRss() {
        return new RssPeak(process.pid());
    }

    static final class RssPeak implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private RssPeak(long pid) {
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(rssKb(pid), Math::max);
                    sleep(100);
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        long peakKb() {
            return peak.get();
        }

        @Override
        public void close() {
            running = false;
            try {
                sampler.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String logText() {
        return readQuietly(log);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (the servers shut down cleanly on it), then SIGKILL after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            // long enough for a JVM that records its class data sharing archive at exit (./strata's first serve)
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
