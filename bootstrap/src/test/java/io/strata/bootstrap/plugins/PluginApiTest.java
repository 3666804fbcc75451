package io.strata.bootstrap.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.strata.adapters.persistence.shared.RowSecurity;
import io.strata.adapters.persistence.testing.TestPostgres;
import io.strata.bootstrap.database.ApplicationRole;
import io.strata.bootstrap.testing.Api.Response;
import io.strata.bootstrap.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin registry over HTTP against PostgreSQL: every rule and failure (400/401/403/404/409/412/428), install as
 * an upsert, deep merge patches, the ledger and its score under concurrent recording, the GIN index behind
 * config=cs.{...}, constant statements per page, row-level security, and a plugin event reaching a webhook sink
 * through the relay. Each test installs plugins with slugs of its own.
 */
class PluginApiTest extends IntegrationTest {
    static final String PLUGINS = "/api/v1/plugins";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private String manager;
    private String user;
    private HttpServer hooks;
    private final ConcurrentLinkedQueue<String> hookBodies = new ConcurrentLinkedQueue<>();

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.plugins.disable-at-score", "40",
                "strata.events.relay.poll-interval", "100ms");
    }

    @BeforeAll
    void users() throws IOException {
        manager = api().newUser(adminToken(), "plg-mgr", "MANAGER").token();
        user = api().newUser(adminToken(), "plg-usr", null).token();
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                hookBodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
    }

    @AfterAll
    void stop() {
        hooks.stop(0);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static Map<String, Object> release(String slug, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Plugin " + slug);
        body.put("version", version);
        body.put("description", "does " + slug);
        body.put("author", "Ada");
        body.put("type", "INTEGRATION");
        body.put("repositoryUrl", "https://example.com/" + slug);
        body.put("installPath", "/plugins/" + slug);
        body.put("manifest", Map.of("entry", "index.js", "v", version));
        body.put("permissions", List.of("read:tasks"));
        return body;
    }

    Response install(String token, Map<String, Object> body) {
        return api().post(PLUGINS).token(token).json(body).send();
    }

    Map<String, Object> installed(String slug, Map<String, Object> config) {
        Map<String, Object> body = release(slug, "1.0.0");
        if (config != null) {
            body.put("config", config);
        }
        return install(manager, body).expect(201).json();
    }

    Response get(String token, String ref) {
        return api().get(PLUGINS + "/" + ref).token(token).send();
    }

    Response violation(String token, String ref, String check, String severity) {
        return api().post(PLUGINS + "/" + ref + "/violations")
                .token(token)
                .json(Map.of("check", check, "severity", severity, "evidence", "found by a test"))
                .send();
    }

    Response patch(String ref, String etag, String json) {
        var call = api().patch(PLUGINS + "/" + ref).token(manager).raw(json, "application/merge-patch+json");
        if (etag != null) {
            call.ifMatch(etag);
        }
        return call.send();
    }

    List<String> slugs(String query) {
        return api().get(PLUGINS + "?limit=100&" + query).token(manager).send().expect(200).items().stream()
                .map(p -> (String) p.get("slug"))
                .toList();
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    List<String> eventTypes(Object pluginId) {
        List<String> types = new ArrayList<>();
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT event_type FROM events WHERE aggregate_id = ?::uuid ORDER BY sequence")) {
            statement.setString(1, pluginId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    // ---- install, get, uninstall ----------------------------------------------------------------------------

    @Test
    void installIsAnUpsertBySlugThatKeepsConfigUnlessGiven() {
        Response first = install(manager, withConfig(release("upsert-one", "1.0.0"), Map.of("enabled", true)))
                .expect(201);
        Map<String, Object> plugin = first.json();
        assertThat(first.header("Location")).contains(PLUGINS + "/" + plugin.get("id"));
        assertThat(plugin)
                .containsEntry("slug", "upsert-one")
                .containsEntry("version", "1.0.0")
                .containsEntry("status", "INSTALLED")
                .containsEntry("securityScore", 100)
                .containsEntry("config", Map.of("enabled", true));

        Map<String, Object> next = release("upsert-one", "1.1.0");
        next.put("manifest", Map.of("entry", "main.js"));
        next.put("permissions", List.of("read:tasks", "write:tasks"));
        Response again = install(manager, next).expect(200);
        assertThat(again.json())
                .containsEntry("id", plugin.get("id"))
                .containsEntry("version", "1.1.0")
                .containsEntry("manifest", Map.of("entry", "main.js"))
                .containsEntry("permissions", List.of("read:tasks", "write:tasks"))
                .containsEntry("config", Map.of("enabled", true));
        assertThat(again.json().get("lastUpdated")).isNotNull();

        // config given on a re-install replaces it; a stale If-Match is 412 and changes nothing
        install(manager, withConfig(release("upsert-one", "1.2.0"), Map.of("x", 1)))
                .expect(200);
        api().post(PLUGINS)
                .token(manager)
                .ifMatch(first.etag())
                .json(release("upsert-one", "9.9.9"))
                .send()
                .problem(412);
        assertThat(get(manager, "upsert-one").expect(200).json())
                .containsEntry("version", "1.2.0")
                .containsEntry("config", Map.of("x", 1));
        assertThat(eventTypes(plugin.get("id")))
                .containsExactly("plugins.PluginInstalled", "plugins.PluginUpdated", "plugins.PluginUpdated");
    }

    static Map<String, Object> withConfig(Map<String, Object> body, Map<String, Object> config) {
        body.put("config", config);
        return body;
    }

    @Test
    void getByIdOrSlugAndUninstall() {
        Map<String, Object> plugin = installed("get-me", null);
        Response byId = get(manager, (String) plugin.get("id")).expect(200);
        assertThat(byId.json()).containsEntry("slug", "get-me");
        assertThat(byId.etag()).isEqualTo("\"0\"");
        assertThat(get(adminToken(), "get-me").expect(200).json()).containsEntry("id", plugin.get("id"));
        violation(manager, "get-me", "Pinned-Dependencies", "LOW").expect(201);

        api().delete(PLUGINS + "/get-me").token(manager).ifMatch("\"0\"").send().problem(412);
        api().delete(PLUGINS + "/get-me").token(manager).send().expect(204);
        get(manager, "get-me").notFound();
        get(manager, (String) plugin.get("id")).notFound();
        api().delete(PLUGINS + "/get-me").token(manager).send().notFound();
        assertThat(eventTypes(plugin.get("id"))).last().isEqualTo("plugins.PluginUninstalled");
        assertThat(sqlLong(
                        "SELECT count(*) FROM plugin_security_violations WHERE plugin_id = '" + plugin.get("id") + "'"))
                .isZero();
        // installing the slug again is a new plugin
        assertThat(installed("get-me", null).get("id")).isNotEqualTo(plugin.get("id"));
    }

    @Test
    void onlyAdminsAndManagersUseTheRegistry() {
        installed("guarded", null);
        String guest = api().newUser(adminToken(), "plg-guest", "GUEST").token();
        for (String token : new String[] {user, guest}) {
            install(token, release("guarded-2", "1.0.0")).problem(403);
            api().get(PLUGINS).token(token).send().problem(403);
            get(token, "guarded").problem(403);
            api().get(PLUGINS + "/guarded/score").token(token).send().problem(403);
            api().patch(PLUGINS + "/guarded")
                    .token(token)
                    .ifMatch("\"0\"")
                    .raw("{}", "application/merge-patch+json")
                    .send()
                    .problem(403);
            api().post(PLUGINS + "/guarded/enable").token(token).send().problem(403);
            api().post(PLUGINS + "/guarded/disable").token(token).send().problem(403);
            violation(token, "guarded", "Fuzzing", "LOW").problem(403);
            api().delete(PLUGINS + "/guarded").token(token).send().problem(403);
        }
        api().get(PLUGINS).send().problem(401);
        assertThat(get(manager, "guarded").expect(200).json()).containsEntry("securityScore", 100);
    }

    @Test
    void badInputIs400NamingTheField() {
        assertThat(install(manager, release("Bad Slug", "1.0.0")).errorFields(400))
                .containsExactly("slug");
        assertThat(install(manager, release(UUID.randomUUID().toString(), "1.0.0"))
                        .errorFields(400))
                .containsExactly("slug");
        assertThat(install(manager, release("bad-version", "1.0")).errorFields(400))
                .containsExactly("version");
        Map<String, Object> noType = release("no-type", "1.0.0");
        noType.remove("type");
        assertThat(install(manager, noType).errorFields(400)).containsExactly("type");
        Map<String, Object> badType = release("bad-type", "1.0.0");
        badType.put("type", "WIDGET");
        assertThat(install(manager, badType).errorFields(400)).containsExactly("type");
        Map<String, Object> badPermission = release("bad-perm", "1.0.0");
        badPermission.put("permissions", List.of("ok", "not ok"));
        assertThat(install(manager, badPermission).errorFields(400)).containsExactly("permissions[1]");
        Map<String, Object> nul = release("nul-config", "1.0.0");
        nul.put("config", Map.of("k", "a\u0000b"));
        install(manager, nul).problem(400);
        Map<String, Object> unknown = release("unknown-field", "1.0.0");
        unknown.put("securityScore", 100);
        install(manager, unknown).problem(400);
        api().post(PLUGINS)
                .token(manager)
                .raw("{\"config\": 5}", "application/json")
                .send()
                .problem(400);

        get(manager, "No%20Such!").problem(400);
        get(manager, "UPPER").problem(400);
        get(manager, "no-such-plugin").notFound();
        assertThat(api().get(PLUGINS + "?securityScore=gte.99999999999")
                        .token(manager)
                        .send()
                        .errorFields(400))
                .containsExactly("securityScore");
        get(manager, UUID.randomUUID().toString()).notFound();
        installed("bad-violation", null);
        assertThat(violation(manager, "bad-violation", "has space", "LOW").errorFields(400))
                .containsExactly("check");
        assertThat(violation(manager, "bad-violation", "Fuzzing", "SEVERE").errorFields(400))
                .containsExactly("severity");
        assertThat(sqlLong("SELECT count(*) FROM plugins WHERE slug IN ('bad-slug', 'no-type', 'nul-config')"))
                .isZero();
    }

    // ---- list ----------------------------------------------------------------------------------------------

    @Test
    void listFiltersByStatusTypePermissionsAndConfigContainmentAndCostsConstantStatements() {
        Map<String, Object> a = release("list-alpha", "1.0.0");
        a.put("permissions", List.of("read:tasks", "net:egress"));
        a.put("config", Map.of("enabled", true, "theme", Map.of("mode", "dark", "size", 2)));
        install(manager, a).expect(201);
        Map<String, Object> b = release("list-beta", "1.0.0");
        b.put("type", "UI");
        b.put("config", Map.of("enabled", false));
        install(manager, b).expect(201);
        Map<String, Object> c = release("list-gamma", "1.0.0");
        c.put("permissions", List.of("net:egress"));
        c.put("config", Map.of("enabled", true, "theme", Map.of("mode", "light")));
        install(manager, c).expect(201);
        api().post(PLUGINS + "/list-gamma/enable").token(manager).send().expect(200);

        String mine = "&slug=like.list-*";
        assertThat(slugs("config=" + encoded("cs.{\"enabled\":true}") + mine))
                .containsExactly("list-alpha", "list-gamma");
        assertThat(slugs("config=" + encoded("cs.{\"theme\":{\"mode\":\"dark\"}}") + mine))
                .containsExactly("list-alpha");
        assertThat(slugs("config=" + encoded("cs.{\"enabled\":true}") + "&permissions="
                        + encoded("cs.{read:tasks,net:egress}") + mine))
                .containsExactly("list-alpha");
        assertThat(slugs("permissions=cs.net:egress" + mine)).containsExactly("list-alpha", "list-gamma");
        assertThat(slugs("status=eq.ACTIVE" + mine)).containsExactly("list-gamma");
        assertThat(slugs("type=eq.UI" + mine)).containsExactly("list-beta");
        assertThat(slugs("q=gamma")).containsExactly("list-gamma");
        assertThat(slugs("sort=-slug" + mine)).containsExactly("list-gamma", "list-beta", "list-alpha");
        assertThat(api().get(PLUGINS + "?config=" + encoded("cs.not-json"))
                        .token(manager)
                        .send()
                        .errorFields(400))
                .containsExactly("config");
        assertThat(api().get(PLUGINS + "?config=eq.x").token(manager).send().errorFields(400))
                .containsExactly("config");

        api().get(PLUGINS + "?limit=1").token(manager).send().expect(200); // warm-up
        long one = sql().countDuring(() -> api().get(PLUGINS + "?limit=1&config=" + encoded("cs.{\"enabled\":true}"))
                .token(manager)
                .send()
                .expect(200));
        long hundred = sql().countDuring(
                        () -> api().get(PLUGINS + "?limit=100&config=" + encoded("cs.{\"enabled\":true}"))
                                .token(manager)
                                .send()
                                .expect(200));
        assertThat(hundred).isEqualTo(one);
    }

    @Test
    void configContainmentIsServedByTheGinIndex() throws SQLException {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // enough rows for the planner to prefer the index on its own; rolled back afterwards
            statement.execute("INSERT INTO plugins (id, version, created_at, updated_at, slug, name, plugin_version, "
                    + "type, config, status, security_score, installed_at) "
                    + "SELECT gen_random_uuid(), 0, now(), now(), 'gin-' || i, 'Gin ' || i, '1.0.0', 'DATA', "
                    + "jsonb_build_object('n', i, 'enabled', i % 2 = 0), 'INSTALLED', 100, now() "
                    + "FROM generate_series(1, 5000) i");
            statement.execute("ANALYZE plugins");
            String natural = plan(statement, "{\"n\": 17}");
            statement.execute("SET LOCAL enable_seqscan = off");
            String forced = plan(statement, "{\"enabled\": true}");
            connection.rollback();
            assertThat(natural).contains("plugins_config_gin_ix");
            assertThat(forced).contains("plugins_config_gin_ix");
        }
    }

    /** The plan of the statement the list runs for config=cs.{json} (the criteria's config @> cast(? as jsonb)). */
    private static String plan(Statement statement, String json) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(
                "EXPLAIN SELECT id FROM plugins WHERE config @> cast('" + json + "' AS jsonb)")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    // ---- config merge patch ------------------------------------------------------------------------------

    @Test
    void configPatchIsADeepMergePatchWithIfMatch() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("theme", "dark");
        config.put("features", List.of("f1", "f2"));
        config.put("settings", Map.of("autoStart", true, "notifications", false, "limits", Map.of("a", 1, "b", 2)));
        installed("merge-me", config);

        patch("merge-me", null, "{\"config\":{\"theme\":\"light\"}}").problem(428);
        patch("merge-me", "\"7\"", "{\"config\":{\"theme\":\"light\"}}").problem(412);
        Response patched = patch(
                        "merge-me",
                        "\"0\"",
                        "{\"config\":{\"settings\":{\"notifications\":true,\"limits\":{\"a\":null,\"c\":3}},"
                                + "\"features\":[\"f3\"],\"theme\":null,\"extra\":{\"x\":{\"y\":null,\"z\":1}}}}")
                .expect(200);
        assertThat(patched.json().get("config"))
                .isEqualTo(Map.of(
                        "features", List.of("f3"),
                        "settings", Map.of("autoStart", true, "notifications", true, "limits", Map.of("b", 2, "c", 3)),
                        "extra", Map.of("x", Map.of("z", 1))));
        assertThat(patched.etag()).isEqualTo("\"1\"");
        // the old ETag is stale now; nothing else is patchable; config null clears
        patch("merge-me", "\"0\"", "{\"config\":{\"theme\":\"x\"}}").problem(412);
        assertThat(patch("merge-me", "\"1\"", "{\"version\":\"2.0.0\"}").errorFields(400))
                .containsExactly("version");
        patch("merge-me", "\"1\"", "{\"config\":[1]}").problem(400);
        patch("merge-me", "\"1\"", "[1]").problem(400);
        assertThat(patch("merge-me", "\"1\"", "{\"config\":null}")
                        .expect(200)
                        .json()
                        .get("config"))
                .isEqualTo(Map.of());
        assertThat(eventTypes(patched.json().get("id")))
                .containsExactly("plugins.PluginInstalled", "plugins.PluginUpdated", "plugins.PluginUpdated");
    }

    // ---- status, violations, score --------------------------------------------------------------------------

    @Test
    void violationsLowerTheScoreDisableAtTheThresholdAndAnAdminsDismissalLetsItBackIn() {
        Map<String, Object> plugin = installed("scored", null);
        assertThat(api().post(PLUGINS + "/scored/enable")
                        .token(manager)
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("status", "ACTIVE");
        assertThat(violation(manager, "scored", "Dangerous-Workflow", "CRITICAL")
                        .expect(201)
                        .json()
                        .get("plugin"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("securityScore", 60)
                .containsEntry("status", "ACTIVE");
        Map<String, Object> second = violation(manager, "scored", "Token-Permissions", "MEDIUM")
                .expect(201)
                .json();
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) second.get("plugin");
        assertThat(after)
                .containsEntry("securityScore", 40)
                .containsEntry("status", "DISABLED")
                .containsEntry("disabledByScore", true);
        violation(manager, "scored", "Token-Permissions", "LOW").expect(201); // same check: no second penalty

        Map<String, Object> score = api().get(PLUGINS + "/scored/score")
                .token(manager)
                .send()
                .expect(200)
                .json();
        assertThat(score)
                .containsEntry("score", 40)
                .containsEntry("threshold", 40)
                .containsEntry("status", "DISABLED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) score.get("checks");
        assertThat(checks).extracting(c -> c.get("check")).containsExactly("Dangerous-Workflow", "Token-Permissions");
        assertThat(checks).extracting(c -> c.get("penalty")).containsExactly(40, 20);
        assertThat(checks).extracting(c -> c.get("weight")).containsExactly(10.0, 5.0);
        assertThat(checks.get(1).get("violations")).asList().hasSize(2);

        assertThat(api().post(PLUGINS + "/scored/enable")
                        .token(manager)
                        .send()
                        .problem(409)
                        .get("detail"))
                .asString()
                .contains("40");
        @SuppressWarnings("unchecked")
        String violationId = (String) ((Map<String, Object>) second.get("violation")).get("id");
        String dismiss = PLUGINS + "/scored/violations/" + violationId + "/dismiss";
        api().post(dismiss)
                .token(manager)
                .json(Map.of("reason", "accepted"))
                .send()
                .problem(403);
        api().post(dismiss).token(adminToken()).json(Map.of()).send().problem(400);
        api().post(PLUGINS + "/scored/violations/" + UUID.randomUUID() + "/dismiss")
                .token(adminToken())
                .json(Map.of("reason", "x"))
                .send()
                .notFound();
        Map<String, Object> dismissed = api().post(dismiss)
                .token(adminToken())
                .json(Map.of("reason", "accepted risk"))
                .send()
                .expect(200)
                .json();
        assertThat(dismissed.get("violation"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("dismissReason", "accepted risk")
                .containsKey("dismissedAt")
                .extractingByKey("dismissedBy")
                .isNotNull();
        // the other Token-Permissions finding (LOW) still counts: 100 - 40 - 10
        assertThat(dismissed.get("plugin"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("securityScore", 50)
                .containsEntry("status", "DISABLED");
        api().post(dismiss)
                .token(adminToken())
                .json(Map.of("reason", "again"))
                .send()
                .problem(409);
        assertThat(api().post(PLUGINS + "/scored/enable")
                        .token(manager)
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("status", "ACTIVE")
                .containsEntry("disabledByScore", false);
        assertThat(api().get(PLUGINS + "/scored/score")
                        .token(manager)
                        .send()
                        .expect(200)
                        .json()
                        .get("dismissed"))
                .asList()
                .hasSize(1);
        assertThat(eventTypes(plugin.get("id")))
                .containsExactly(
                        "plugins.PluginInstalled",
                        "plugins.PluginStatusChanged",
                        "plugins.PluginViolationRecorded",
                        "plugins.PluginViolationRecorded",
                        "plugins.PluginStatusChanged",
                        "plugins.PluginDisabledByScore",
                        "plugins.PluginViolationRecorded",
                        "plugins.PluginViolationDismissed",
                        "plugins.PluginStatusChanged");
    }

    @Test
    void theLedgerIsImmutableInTheDatabase() throws SQLException {
        installed("ledger", null);
        violation(manager, "ledger", "Fuzzing", "LOW").expect(201);
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement()) {
            for (String change : List.of(
                    "UPDATE plugin_security_violations SET severity = 'CRITICAL' WHERE check_name = 'Fuzzing'",
                    "DELETE FROM plugin_security_violations WHERE check_name = 'Fuzzing'")) {
                try {
                    statement.executeUpdate(change);
                    throw new AssertionError("allowed: " + change);
                } catch (SQLException e) {
                    assertThat(e.getMessage()).contains("ledger");
                }
            }
        }
    }

    @Test
    void concurrentViolationsLeaveTheScoreExact() throws Exception {
        installed("racy", null);
        api().post(PLUGINS + "/racy/enable").token(manager).send().expect(200);
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String check = "Check-" + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    return violation(manager, "racy", check, "LOW").status();
                }));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> plugin = get(manager, "racy").expect(200).json();
        assertThat(plugin)
                .containsEntry("securityScore", 100 - 10 * threads)
                .containsEntry("status", "DISABLED")
                .containsEntry("disabledByScore", true);
        List<String> events = eventTypes(plugin.get("id"));
        assertThat(events.stream().filter("plugins.PluginViolationRecorded"::equals))
                .hasSize(threads);
        assertThat(events.stream().filter("plugins.PluginDisabledByScore"::equals))
                .hasSize(1);
        assertThat(api().get(PLUGINS + "/racy/score")
                        .token(manager)
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("score", 100 - 10 * threads);
    }

    // ---- row-level security and delivery --------------------------------------------------------------------

    @Test
    void rowSecurityShowsPluginsToAdminsAndManagersOnly() throws SQLException {
        installed("rls-plugin", null);
        violation(manager, "rls-plugin", "Fuzzing", "LOW").expect(201);
        try (Connection app = DriverManager.getConnection(jdbcUrl(), ApplicationRole.EMBEDDED, "")) {
            app.setAutoCommit(false);
            assertThat(count(
                            app,
                            new RowSecurity.Acting("USER", UUID.randomUUID().toString())))
                    .isEqualTo(0);
            assertThat(count(
                            app,
                            new RowSecurity.Acting("MANAGER", UUID.randomUUID().toString())))
                    .isEqualTo(2);
            assertThat(count(
                            app,
                            new RowSecurity.Acting("ADMIN", UUID.randomUUID().toString())))
                    .isEqualTo(2);
        }
    }

    private static long count(Connection app, RowSecurity.Acting acting) throws SQLException {
        RowSecurity.apply(app, acting);
        try (ResultSet rows = app.createStatement()
                .executeQuery("SELECT (SELECT count(*) FROM plugins WHERE slug = 'rls-plugin') + (SELECT count(*) "
                        + "FROM plugin_security_violations v JOIN plugins p ON p.id = v.plugin_id "
                        + "WHERE p.slug = 'rls-plugin')")) {
            rows.next();
            return rows.getLong(1);
        } finally {
            app.rollback();
        }
    }

    @Test
    void aPluginEventReachesAWebhookSinkThroughTheRelay() {
        Map<String, Object> sink = new HashMap<>();
        sink.put("name", "plugin-hook");
        sink.put("kind", "WEBHOOK");
        sink.put("url", "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook");
        sink.put("eventTypes", List.of("plugins.PluginInstalled", "plugins.PluginStatusChanged"));
        sink.put("timeoutMs", 2000);
        api().post("/api/v1/admin/event-sinks")
                .token(adminToken())
                .json(sink)
                .send()
                .expect(201);
        String id = (String) installed("relayed", null).get("id");
        api().post(PLUGINS + "/relayed/enable").token(manager).send().expect(200);
        await(() -> hookBodies.stream().filter(b -> b.contains(id)).count() == 2);
        List<String> mine = hookBodies.stream().filter(b -> b.contains(id)).toList();
        assertThat(mine.get(0)).contains("\"type\":\"plugins.PluginInstalled\"", "\"sequence\":1", "relayed");
        assertThat(mine.get(1)).contains("\"type\":\"plugins.PluginStatusChanged\"", "\"sequence\":2", "ACTIVE");
    }

    private long sqlLong(String query) {
        try (Connection connection = TestPostgres.connect(jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getLong(1) : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
