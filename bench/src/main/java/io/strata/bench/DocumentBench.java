package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section "documents" (issue 11): documents per second for a content update (PUT with If-Match: a new revision row
 * and an update of the document row) and a GET of one document, side by side with GET /api/v1/users/me on the same
 * server in the same run, so the ratios hold on a shared machine.
 */
final class DocumentBench {
    private static final int DOCUMENTS = 200;

    private DocumentBench() {}

    static void run(Report report, Wrk wrk, String baseUrl, String token, Path work, BenchOptions options)
            throws IOException {
        BenchRun.progress("section documents: " + DOCUMENTS + " documents");
        List<String> updates = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int d = 0; d < DOCUMENTS; d++) {
            Http.Response created = Http.postJson(
                    baseUrl + "/api/v1/documents",
                    token,
                    "{\"title\":\"bench " + run + " " + d + "\",\"kind\":\"TEXT\",\"content\":{\"text\":\"seed\"}}");
            if (created.status() != 201) {
                throw new BenchFailure("cannot create a document: " + created.status() + " " + created.body());
            }
            String path = "/api/v1/documents/" + created.field("id");
            updates.add(path + " " + created.field("version"));
            reads.add(path);
        }
        Path updatePaths = Files.write(work.resolve("document-updates"), updates);
        Path readPaths = Files.write(work.resolve("document-reads"), reads);
        Path mePaths = Files.write(work.resolve("document-me"), List.of("/api/v1/users/me"));

        Report.Table table = report.table(
                "Documents (issue 11): requests/s, p50 and p99 latency in ms, side by side with GET /users/me in the same run",
                "endpoint",
                "conns",
                "req/s",
                "p50",
                "p99",
                "vs GET /users/me",
                "errors");
        for (String[] warm : new String[][] {{"get.lua", mePaths.toString()}, {"get.lua", readPaths.toString()}}) {
            wrk.run(baseUrl, warm[0], Path.of(warm[1]), token, 1, options.warmupSeconds());
        }
        for (int connections : options.concurrency()) {
            LoadResult me = wrk.run(baseUrl, "get.lua", mePaths, token, connections, options.seconds());
            // the versions move with every update: each measurement starts from the file, so read them again
            refreshVersions(baseUrl, token, updatePaths, reads);
            LoadResult update =
                    wrk.run(baseUrl, "put_document.lua", updatePaths, token, connections, options.seconds());
            LoadResult read = wrk.run(baseUrl, "get.lua", readPaths, token, connections, options.seconds());
            row(table, "GET /users/me (reference)", connections, me, me);
            row(table, "PUT /documents/{id} (new revision)", connections, update, me);
            row(table, "GET /documents/{id}", connections, read, me);
            BenchRun.progress(String.format(
                    Locale.ROOT,
                    "  documents c=%-3d me %,8.0f/s  update %,8.0f/s  get %,8.0f/s",
                    connections,
                    me.perSecond(),
                    update.perSecond(),
                    read.perSecond()));
        }
        table.note("Updates spread over " + DOCUMENTS + " documents; each is one UPDATE of the document row at its "
                + "version, one INSERT of the complete revision and one outbox event, in one transaction.");
        report.print(table);
    }

    private static void refreshVersions(String baseUrl, String token, Path updatePaths, List<String> reads)
            throws IOException {
        List<String> lines = new ArrayList<>();
        for (String path : reads) {
            Http.Response current = Http.get(baseUrl + path, token);
            lines.add(path + " " + current.field("version"));
        }
        Files.write(updatePaths, lines);
    }

    private static void row(Report.Table table, String name, int connections, LoadResult r, LoadResult reference) {
        table.row(
                name,
                connections,
                Report.rate(r.perSecond()),
                Report.millis(r.p50Millis()),
                Report.millis(r.p99Millis()),
                Report.ratio(r.perSecond(), reference.perSecond()),
                r.errors());
    }
}
