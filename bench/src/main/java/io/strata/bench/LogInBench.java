package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Log-ins on Strata alone (part of the http section): POST /api/v1/sessions with the admin's credentials at 2 and
 * 8 connections, each request one Argon2id check (7 MiB of working memory, off the heap with libargon2, ~30 ms of
 * CPU). The baseline and the Spring peer serve no log-in, so there is no ratio; the section is here for the cost of
 * a log-in and for memory: its resident set counts toward Strata's peak.
 */
final class LogInBench {
    private static final int[] CONNECTIONS = {2, 8};

    private LogInBench() {}

    /** Runs the section and returns the peak RSS (KiB) of Strata while it ran. */
    static long run(Report report, Wrk wrk, ServerProcess strata, String logInBody, Path work, BenchOptions options)
            throws IOException {
        BenchRun.progress("log-ins (Strata only): POST /api/v1/sessions at 2 and 8 connections");
        Path request = Files.write(work.resolve("login-request"), List.of(
                "/api/v1/sessions", logInBody));
        Report.Table table = report.table(
                "Log-ins (Strata only): POST /api/v1/sessions, one Argon2id check each; requests/s, p50 and p99 in ms",
                "conns", "req/s", "p50", "p99", "CPU per log-in (ms)", "peak RSS", "errors");
        wrk.run(strata.baseUrl, "login.lua", request, "", 2, options.warmupSeconds());
        long peakKb = 0;
        for (int connections : CONNECTIONS) {
            try (ServerProcess.RssPeak peak = strata.sampleRss()) {
                long cpuBefore = strata.cpuMillis();
                LoadResult r = wrk.run(strata.baseUrl, "login.lua", request, "", connections, options.seconds());
                long cpu = strata.cpuMillis() - cpuBefore;
                peakKb = Math.max(peakKb, peak.peakKb());
                table.row(connections, Report.rate(r.perSecond()), Report.millis(r.p50Millis()),
                        Report.millis(r.p99Millis()),
                        cpuBefore >= 0 && r.completed() > 0
                                ? String.format(Locale.ROOT, "%.1f", (double) cpu / r.completed()) : "",
                        Report.megabytes(peak.peakKb()), r.errors());
                BenchRun.progress(String.format(Locale.ROOT, "  log-ins c=%-3d %,8.1f/s  p99 %.0f ms  peak %s",
                        connections, r.perSecond(), r.p99Millis(), Report.megabytes(peak.peakKb())));
            }
        }
        table.note("Strata hashes at most as many passwords at once as there are cores (with libargon2; with Bouncy "
                + "Castle as many as fit in a third of the heap); the other log-ins wait their turn. The warm-up is "
                + options.warmupSeconds()
                + " s at 2 connections.");
        report.print(table);
        return peakKb;
    }
}
