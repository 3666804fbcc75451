package io.strata.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ai context's hot path: the usage report (GET /api/v1/ai/usage) over 1,000,000 interactions, seeded in bulk with
 * generate_series straight into the Strata database (spread over the year to November 2026, 5 modules, 4 models, a few hundred users),
 * measured over HTTP one request at a time, side by side with a page of the interaction list as the reference, and
 * the plan of the report's statement (EXPLAIN ANALYZE of the SQL the adapter runs).
 */
final class AiUsageBench {
    static final int INTERACTIONS = 1_000_000;
    private static final int RUNS = 5;

    private static final String SEED = """
            INSERT INTO ai_interactions (id, user_id, module, model, prompt, response, prompt_tokens, cached_prompt_tokens,
                                         completion_tokens, total_tokens, cost_usd, cost_source, price_id, latency_ms,
                                         status, error_message, occurred_at, version, created_at, updated_at)
            SELECT gen_random_uuid(), u.ids[1 + g %% cardinality(u.ids)],
                   (ARRAY['documents','mail','chat','tasks','search'])[1 + g %% 5],
                   (ARRAY['gpt-4o','gpt-4o-mini','claude-3-5-sonnet','llama-3-70b'])[1 + (g / 7) %% 4],
                   NULL, NULL, t.p, t.p / 4, t.c, t.p + t.c,
                   round(cast(t.p * 2.5 + t.c * 10 AS numeric) / 1000000, 12), 'GIVEN', NULL,
                   cast(20 + random() * random() * 8000 AS bigint),
                   CASE WHEN g %% 50 = 0 THEN 'ERROR' ELSE 'SUCCESS' END,
                   CASE WHEN g %% 50 = 0 THEN 'rate limited' END,
                   t.at, 0, t.at, t.at
            FROM generate_series(1, %d) g
            CROSS JOIN (SELECT array_agg(id) AS ids FROM (SELECT id FROM users ORDER BY id LIMIT 500) x) u
            CROSS JOIN LATERAL (SELECT cast(random() * 4000 AS bigint) AS p, cast(random() * 1500 AS bigint) AS c,
                                       timestamptz '2025-11-01 00:00:00+00' + g * interval '31.5 seconds' AS at) t""";

    /** The adapter's report statement (AiInteractionPersistenceAdapter.USAGE), for its plan. */
    private static final String USAGE = """
            SELECT k, grouping(k), count(*), count(*) FILTER (WHERE status = 'ERROR'),
                   coalesce(sum(prompt_tokens), 0), coalesce(sum(cached_prompt_tokens), 0),
                   coalesce(sum(completion_tokens), 0), coalesce(sum(total_tokens), 0), coalesce(sum(cost_usd), 0),
                   count(*) FILTER (WHERE cost_source = 'UNPRICED'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)
            FROM (SELECT %s AS k, status, prompt_tokens, cached_prompt_tokens, completion_tokens, total_tokens,
                         cost_usd, cost_source, latency_ms
                  FROM ai_interactions WHERE true%s) i
            GROUP BY GROUPING SETS ((k), ())
            ORDER BY grouping(k), k COLLATE "C"
            """;

    private final Fixtures fixtures;
    private final String baseUrl;
    private final String token;
    private final Report report;
    private final Consumer<String> progress;

    AiUsageBench(Fixtures fixtures, String baseUrl, String token, Report report, Consumer<String> progress) {
        this.fixtures = fixtures;
        this.baseUrl = baseUrl;
        this.token = token;
        this.report = report;
        this.progress = progress;
    }

    void run() throws SQLException {
        seed();
        Report.Table table = report.table(
                "AI usage report over " + String.format(Locale.ROOT, "%,d", count())
                        + " interactions (HTTP, one at a time)",
                "request",
                "groups",
                "median ms",
                "max ms",
                "x list page");
        double page = medianMillis(baseUrl + "/api/v1/ai/interactions?limit=50", null);
        table.row("GET /api/v1/ai/interactions?limit=50 (reference)", "", Report.millis(page), "", "1.0");
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("groupBy=day (a year)", "groupBy=day");
        reports.put("groupBy=day, zone=Europe/Paris", "groupBy=day&zone=Europe/Paris");
        reports.put("groupBy=model", "groupBy=model");
        reports.put("groupBy=module", "groupBy=module");
        reports.put("groupBy=user", "groupBy=user");
        reports.put("groupBy=day, 30 days", "groupBy=day&from=2026-06-01&to=2026-07-01");
        reports.put("groupBy=model, one module, 30 days", "groupBy=model&module=chat&from=2026-06-01&to=2026-07-01");
        for (Map.Entry<String, String> entry : reports.entrySet()) {
            List<Double> times = new ArrayList<>();
            double median = medianMillis(baseUrl + "/api/v1/ai/usage?" + entry.getValue(), times);
            String body = Http.get(baseUrl + "/api/v1/ai/usage?" + entry.getValue(), token)
                    .body();
            int groups = body.split("\"key\"", -1).length - 2; // every group has a key, and so has the total
            table.row(
                    "GET /api/v1/ai/usage?" + entry.getValue(),
                    groups,
                    Report.millis(median),
                    Report.millis(times.stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0)),
                    Report.ratio(median, page));
        }
        table.note("Each figure: the median of " + RUNS + " requests after 2 warm-ups, the report computed in one SQL "
                + "statement (groups and total by GROUPING SETS, exact percentile_cont for p50/p95).");
        table.note("Plan, groupBy=day over the year:\n\n```\n"
                + plan("to_char(cast(occurred_at AT TIME ZONE 'UTC' AS date), 'YYYY-MM-DD')", "") + "\n```");
        table.note("Plan, groupBy=model, one module, 30 days:\n\n```\n"
                + plan("model", " AND occurred_at >= '2026-06-01' AND occurred_at < '2026-07-01' AND module = 'chat'")
                + "\n```");
        report.print(table);
    }

    private void seed() throws SQLException {
        long present = count();
        if (present >= INTERACTIONS) {
            return;
        }
        progress.accept("ai: seeding " + String.format(Locale.ROOT, "%,d", INTERACTIONS - present)
                + " interactions (generate_series)");
        long start = System.nanoTime();
        try (Connection c = fixtures.connect();
                Statement s = c.createStatement()) {
            s.execute(SEED.formatted(INTERACTIONS - present));
            s.execute("ANALYZE ai_interactions");
        }
        progress.accept("ai: seeded in " + Report.millis((System.nanoTime() - start) / 1e6) + " ms");
    }

    private long count() throws SQLException {
        try (Connection c = fixtures.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM ai_interactions")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private double medianMillis(String url, List<Double> times) {
        for (int i = 0; i < 2; i++) {
            expectOk(url);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            expectOk(url);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (times != null) {
                times.add(millis[i]);
            }
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private void expectOk(String url) {
        Http.Response response = Http.get(url, token);
        if (response.status() != 200) {
            throw new BenchFailure("GET " + url + ": " + response.status() + " " + response.body());
        }
    }

    private String plan(String key, String where) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = fixtures.connect();
                PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + USAGE.formatted(key, where));
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
