package io.strata.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (closed loop, one thread: the machine has few cores and the servers need them) with one of the Lua
 * scripts in bench/lua, and parses requests/s, the 50th and 99th latency percentiles and non-2xx responses.
 * Closed-loop latencies understate queueing delay at saturation (coordinated omission); compare them only with
 * each other.
 */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    private final Path luaDir;

    Wrk(Path luaDir) {
        this.luaDir = luaDir;
    }

    LoadResult run(String baseUrl, String script, Path pathsFile, String token, int connections, int seconds) {
        List<String> command = List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency",
                "-s", luaDir.resolve(script).toString(), baseUrl);
        Shell.Result result = Shell.runChecked(command, Map.of("BENCH_TOKEN", token, "BENCH_PATHS", pathsFile.toString()),
                null, seconds + 60L);
        return parse(result.out());
    }

    static LoadResult parse(String out) {
        double rps = number(RPS, out);
        long total = (long) number(TOTAL, out);
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        return new LoadResult(rps, percentile(out, "50%"), percentile(out, "99%"), total, errors);
    }

    private static double number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new BenchFailure("unexpected wrk output:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A line of wrk's "Latency Distribution" block, e.g. {@code 99%    2.10ms}, in milliseconds. */
    private static double percentile(String out, String label) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            throw new BenchFailure("no " + label + " latency in wrk output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000.0;
            case "ms" -> value;
            case "s" -> value * 1000.0;
            default -> value * 60_000.0;
        };
    }
}
