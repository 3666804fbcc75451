package io.strata.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Section "plugins" (issue 10): the plugin list filtered by JSON containment on config (config=cs.{...}, served by
 * a GIN index) and install as an upsert (a re-install of an existing slug), measured side by side with GET
 * /api/v1/users/me on the same server in the same run, so the ratios hold on a shared machine. Plugins are
 * installed over HTTP first; a tenth of them have the config the filter asks for.
 */
final class PluginsBench {
    private static final int PLUGINS = 1_000;
    private static final int PAGE = 50;

    private PluginsBench() {}

    static void run(Report report, Wrk wrk, String baseUrl, String token, Path work, BenchOptions options)
            throws IOException {
        BenchRun.progress("section plugins: installing " + PLUGINS + " plugins");
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < PLUGINS; i++) {
            String slug = "bench-plugin-" + i;
            String config =
                    i % 10 == 0 ? "{\"enabled\":true,\"tier\":\"gold\"}" : "{\"enabled\":false,\"n\":" + i + "}";
            Http.Response installed = Http.postJson(
                    baseUrl + "/api/v1/plugins",
                    token,
                    "{\"slug\":\"" + slug + "\",\"name\":\"Bench " + i + "\",\"version\":\"1.0.0\",\"type\":\"DATA\","
                            + "\"permissions\":[\"read:tasks\"],\"config\":" + config + "}");
            if (installed.status() != 201 && installed.status() != 200) {
                throw new BenchFailure("cannot install a plugin: " + installed.status() + " " + installed.body());
            }
            slugs.add(slug);
        }
        String filter = URLEncoder.encode("cs.{\"tier\":\"gold\"}", StandardCharsets.UTF_8);
        Path listPaths = Files.write(
                work.resolve("plugins-list"), List.of("/api/v1/plugins?limit=" + PAGE + "&config=" + filter));
        Path slugPaths = Files.write(work.resolve("plugins-slugs"), slugs);
        Path mePaths = Files.write(work.resolve("plugins-me"), List.of("/api/v1/users/me"));

        Report.Table table = report.table(
                "Plugins (issue 10): requests/s, p50 and p99 latency in ms, side by side with GET /users/me in the same run",
                "endpoint",
                "conns",
                "req/s",
                "p50",
                "p99",
                "vs GET /users/me",
                "errors");
        for (String[] warm : new String[][] {
            {"get.lua", mePaths.toString()},
            {"get.lua", listPaths.toString()},
            {"install_plugin.lua", slugPaths.toString()}
        }) {
            wrk.run(baseUrl, warm[0], Path.of(warm[1]), token, 1, options.warmupSeconds());
        }
        for (int connections : options.concurrency()) {
            LoadResult me = wrk.run(baseUrl, "get.lua", mePaths, token, connections, options.seconds());
            LoadResult list = wrk.run(baseUrl, "get.lua", listPaths, token, connections, options.seconds());
            LoadResult install =
                    wrk.run(baseUrl, "install_plugin.lua", slugPaths, token, connections, options.seconds());
            row(table, "GET /users/me (reference)", connections, me, me);
            row(table, "GET /plugins?config=cs.{...}&limit=" + PAGE, connections, list, me);
            row(table, "POST /plugins (re-install upsert)", connections, install, me);
            BenchRun.progress(String.format(
                    Locale.ROOT,
                    "  plugins c=%-3d me %,8.0f/s  list %,8.0f/s  install %,8.0f/s",
                    connections,
                    me.perSecond(),
                    list.perSecond(),
                    install.perSecond()));
        }
        table.note(PLUGINS + " plugins, " + PLUGINS / 10 + " match the filter; re-installs spread over every slug "
                + "(one row lock per slug).");
        report.print(table);
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
