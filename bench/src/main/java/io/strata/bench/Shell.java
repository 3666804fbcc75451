package io.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program (wrk, pgbench, java -jar ...) to completion and returns what it printed. */
final class Shell {

    record Result(int exitCode, String out, String err) {
        String combined() {
            return out + err;
        }
    }

    private Shell() {
    }

    static Result run(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        try {
            Process process = builder.start();
            // drain both pipes concurrently so a chatty program never blocks on a full pipe
            var err = new java.util.concurrent.CompletableFuture<String>();
            Thread errReader = new Thread(() -> {
                try {
                    err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    err.complete("");
                }
            });
            errReader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BenchFailure(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            errReader.join();
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new BenchFailure("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted while running " + command.get(0));
        }
    }

    static Result runChecked(List<String> command, Map<String, String> env, Path workDir, long timeoutSeconds) {
        Result result = run(command, env, workDir, timeoutSeconds);
        if (result.exitCode() != 0) {
            throw new BenchFailure(String.join(" ", command) + " exited with " + result.exitCode() + ":\n" + tail(result.combined(), 2000));
        }
        return result;
    }

    static String firstLine(List<String> command) {
        try {
            String text = run(command, Map.of(), null, 30).combined().strip();
            return text.isEmpty() ? "unknown" : text.lines().findFirst().orElse("unknown");
        } catch (BenchFailure e) {
            return "unknown";
        }
    }

    static String tail(String text, int max) {
        return text.length() <= max ? text : "..." + text.substring(text.length() - max);
    }
}
