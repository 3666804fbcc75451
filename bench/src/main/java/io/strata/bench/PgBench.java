package io.strata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own ceiling: pgbench running, per "transaction", the statements Strata issues for one HTTP request
 * (see {@link StrataSql}). pgbench cannot draw a random UUID from a list, so each script is written in
 * {@code variants} copies, copy {@code i} reading its ids from variables {@code name_i} passed with {@code -D};
 * pgbench picks a copy at random per transaction. Latency percentiles come from pgbench's per-transaction log.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: ([0-9]+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");

    private final Path workDir;
    private final int port;
    private final String database;

    PgBench(Path workDir, int port, String database) {
        this.workDir = workDir;
        this.port = port;
        this.database = database;
    }

    /**
     * @param script    the statements with {@code :name} variables; per-variant names are listed in {@code perVariant}
     * @param constants variables shared by every variant
     * @param perVariant for each per-variant variable name, one value per variant
     */
    LoadResult run(String label, String script, Map<String, String> constants, Map<String, List<String>> perVariant,
                   int clients, int seconds) {
        Path dir = workDir.resolve("pgbench-" + label + "-c" + clients);
        int variants = perVariant.values().stream().mapToInt(List::size).min().orElse(1);
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", "1", "-T", String.valueOf(seconds), "-h", "localhost", "-p", String.valueOf(port), "-U", BenchPostgres.USER,
                "-l", "--log-prefix=" + dir.resolve("tx")));
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            for (int i = 0; i < variants; i++) {
                String text = script;
                for (String name : perVariant.keySet()) {
                    text = text.replaceAll(":" + Pattern.quote(name) + "\\b", ":" + name + "_" + i);
                }
                Path file = dir.resolve("script-" + i + ".sql");
                Files.writeString(file, text);
                command.add("-f");
                command.add(file.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        constants.forEach((name, value) -> {
            command.add("-D");
            command.add(name + "=" + value);
        });
        perVariant.forEach((name, values) -> {
            for (int i = 0; i < variants; i++) {
                command.add("-D");
                command.add(name + "_" + i + "=" + values.get(i));
            }
        });
        command.add(database);
        Shell.Result result = Shell.run(command, Map.of(), dir, seconds + 120L);
        String out = result.combined();
        Matcher tps = TPS.matcher(out);
        if (result.exitCode() != 0 || !tps.find()) {
            throw new BenchFailure("pgbench " + label + " failed:\n" + Shell.tail(out, 3000));
        }
        long failed = find(FAILED, out);
        long processed = find(PROCESSED, out);
        double[] latencies = latenciesMillis(dir);
        return new LoadResult(Double.parseDouble(tps.group(1)), percentile(latencies, 0.50), percentile(latencies, 0.99),
                processed, failed);
    }

    private static long find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Column 3 of pgbench's transaction log is the latency in microseconds. */
    private static double[] latenciesMillis(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("tx")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).mapToDouble(line -> Double.parseDouble(line.split(" ")[2]) / 1000.0).sorted().toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String version() {
        return Shell.firstLine(Arrays.asList("pgbench", "--version"));
    }
}
