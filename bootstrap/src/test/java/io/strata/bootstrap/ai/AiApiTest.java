package io.strata.bootstrap.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strata.application.ai.AiInteractionQueries;
import io.strata.application.ai.ModelPriceQueries;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.ConnectionProbe;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.UsageGrouping;
import io.strata.domain.ai.UsageQuery;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * AI usage over HTTP against the full application and PostgreSQL: recording with the token breakdown and the cost
 * (given, from the versioned price book, or unpriced), visibility, filters and paging, the price book, the usage
 * report checked against figures computed here from the same rows, and repricing with its exact difference.
 */
class AiApiTest extends IntegrationTest {
    private static final String INTERACTIONS = "/api/v1/ai/interactions";
    private static final String PRICES = "/api/v1/ai/prices";
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(ConnectionProbe.ENABLED, "true");
    }

    private TestUser user(String prefix) {
        return api().newUser(adminToken(), prefix, null);
    }

    private static String model(String prefix) {
        return Api.unique(prefix).replace('_', '-');
    }

    /** An ordered map that accepts nulls. */
    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private Map<String, Object> addPrice(String model, String input, String cached, String output, Instant from) {
        return api().post(PRICES)
                .token(adminToken())
                .json(body(
                        "model",
                        model,
                        "inputPerMillion",
                        new BigDecimal(input),
                        "cachedInputPerMillion",
                        cached == null ? null : new BigDecimal(cached),
                        "outputPerMillion",
                        new BigDecimal(output),
                        "effectiveFrom",
                        from.toString()))
                .send()
                .expect(201)
                .json();
    }

    private Api.Response record(TestUser who, Map<String, Object> body) {
        return api().post(INTERACTIONS).token(who.token()).json(body).send();
    }

    private Map<String, Object> record(
            TestUser who, String model, long prompt, long cached, long completion, Instant at) {
        return record(
                        who,
                        body(
                                "module", "docs",
                                "model", model,
                                "promptTokens", prompt,
                                "cachedPromptTokens", cached,
                                "completionTokens", completion,
                                "latencyMs", 100,
                                "occurredAt", at.toString()))
                .expect(201)
                .json();
    }

    /** (prompt - cached) x input + cached x cachedInput + completion x output, per million, 12 decimals. */
    private static String cost(long prompt, long cached, long completion, String input, String cachedIn, String out) {
        return new BigDecimal(input)
                .multiply(BigDecimal.valueOf(prompt - cached))
                .add(new BigDecimal(cachedIn).multiply(BigDecimal.valueOf(cached)))
                .add(new BigDecimal(out).multiply(BigDecimal.valueOf(completion)))
                .movePointLeft(6)
                .setScale(12)
                .toPlainString();
    }

    // ================================================================== record

    @Test
    void recordsAGivenCostExactlyWithTheTokenBreakdownLocationAndETag() {
        TestUser alice = user("ai-given");
        Api.Response created = record(
                alice,
                body(
                        "module",
                        "documents",
                        "model",
                        "gpt-4o-mini",
                        "prompt",
                        "  Summarise this  ",
                        "response",
                        "Done.",
                        "promptTokens",
                        1200,
                        "cachedPromptTokens",
                        200,
                        "completionTokens",
                        300,
                        "costUsd",
                        new BigDecimal("0.000000100001"),
                        "latencyMs",
                        850,
                        "occurredAt",
                        "2026-03-02T10:15:30.123456Z"));
        created.expect(201);
        Map<String, Object> interaction = created.json();
        assertThat(interaction)
                .containsEntry("userId", alice.id())
                .containsEntry("module", "documents")
                .containsEntry("prompt", "  Summarise this  ") // kept as sent
                .containsEntry("totalTokens", 1500)
                .containsEntry("cachedPromptTokens", 200)
                .containsEntry("costUsd", "0.000000100001") // exact, never 1.00001E-7
                .containsEntry("costSource", "GIVEN")
                .containsEntry("priceVersion", null)
                .containsEntry("status", "SUCCESS")
                .containsEntry("occurredAt", "2026-03-02T10:15:30.123456Z");
        assertThat(created.header("Location")).hasValue(INTERACTIONS + "/" + interaction.get("id"));
        assertThat(created.etag()).isEqualTo("\"0\"");
        assertThat(api().get(INTERACTIONS + "/" + interaction.get("id"))
                        .token(alice.token())
                        .send()
                        .expect(200)
                        .json())
                .isEqualTo(interaction);
    }

    @Test
    void computesTheCostFromThePriceVersionInEffectAndKeepsTheVersion() {
        TestUser bob = user("ai-priced");
        String model = model("m");
        Map<String, Object> v1 = addPrice(model, "2.5", "1.25", "10", T0);
        Map<String, Object> v2 = addPrice(model, "3.000001", null, "12", T0.plusSeconds(86_400));
        assertThat(v2).containsEntry("cachedInputPerMillion", "3.000001").containsEntry("pattern", false);

        Map<String, Object> before = record(bob, model, 1000, 400, 250, T0.plusSeconds(3600));
        assertThat(before)
                .containsEntry("costSource", "PRICE_BOOK")
                .containsEntry("priceVersion", v1.get("id"))
                .containsEntry("costUsd", cost(1000, 400, 250, "2.5", "1.25", "10"));
        Map<String, Object> after = record(bob, model, 1000, 400, 250, T0.plusSeconds(86_400));
        assertThat(after)
                .containsEntry("priceVersion", v2.get("id"))
                .containsEntry("costUsd", cost(1000, 400, 250, "3.000001", "3.000001", "12"));
        // before any version: unpriced
        Map<String, Object> early = record(bob, model, 10, 0, 10, T0.minusSeconds(1));
        assertThat(early)
                .containsEntry("costSource", "UNPRICED")
                .containsEntry("costUsd", null)
                .containsEntry("priceVersion", null);
        // the price in effect as the API answers it
        assertThat(bean(ModelPriceQueries.class)
                        .inEffect(Actor.system(), model, T0.plusSeconds(90_000))
                        .orElseThrow()
                        .id())
                .isEqualTo(new ModelPriceId(UUID.fromString((String) v2.get("id"))));
    }

    @Test
    void anExactModelPriceWinsOverAPatternAndPatternsTakeUnderscoresLiterally() {
        TestUser carol = user("ai-pattern");
        String family = model("fam");
        Map<String, Object> pattern = addPrice(family + "*", "1", null, "2", T0);
        Map<String, Object> exact = addPrice(family + "-pro", "5", null, "6", T0);
        Map<String, Object> underscored = addPrice(family + "_x*", "7", null, "8", T0);
        assertThat(pattern).containsEntry("pattern", true);

        assertThat(record(carol, family + "-mini", 1_000_000, 0, 0, T0.plusSeconds(1)))
                .containsEntry("priceVersion", pattern.get("id"))
                .containsEntry("costUsd", "1.000000000000");
        assertThat(record(carol, family + "-pro", 1_000_000, 0, 0, T0.plusSeconds(1)))
                .containsEntry("priceVersion", exact.get("id"));
        // the longer pattern wins over the shorter one; "_" is no wildcard
        assertThat(record(carol, family + "_x1", 1_000_000, 0, 0, T0.plusSeconds(1)))
                .containsEntry("priceVersion", underscored.get("id"));
        assertThat(record(carol, family + "Ax1", 1_000_000, 0, 0, T0.plusSeconds(1)))
                .containsEntry("priceVersion", pattern.get("id"));
    }

    @Test
    void refusesInconsistentOrUnstorableInteractionsNamingEveryField() {
        TestUser dave = user("ai-bad");
        assertThat(record(
                                dave,
                                body(
                                        "module", "m",
                                        "model", "x",
                                        "promptTokens", 10,
                                        "completionTokens", 5,
                                        "totalTokens", 16,
                                        "latencyMs", -1,
                                        "occurredAt", "2999-01-01T00:00:00Z"))
                        .errorFields(400))
                .contains("totalTokens", "latencyMs", "occurredAt");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        10,
                                        "cachedPromptTokens",
                                        11,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1))
                        .errorFields(400))
                .contains("cachedPromptTokens");
        assertThat(record(dave, body("module", "m", "model", "x", "completionTokens", 0, "latencyMs", 1))
                        .errorFields(400))
                .contains("promptTokens");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1,
                                        "errorMessage",
                                        "boom"))
                        .errorFields(400))
                .contains("errorMessage");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1,
                                        "costUsd",
                                        new BigDecimal("0.0000000000001")))
                        .errorFields(400))
                .contains("costUsd");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1,
                                        "costUsd",
                                        new BigDecimal("-1")))
                        .errorFields(400))
                .contains("costUsd");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1,
                                        "status",
                                        "MAYBE"))
                        .errorFields(400))
                .contains("status");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1))
                        .errorFields(400))
                .contains("module");
        // unstorable text is refused before any use case runs (the platform's input filter)
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "prompt",
                                        "a\u0000b",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1))
                        .errorFields(400))
                .contains("prompt");
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1,
                                        "surprise",
                                        1))
                        .status())
                .isEqualTo(400);
        assertThat(api().get(INTERACTIONS)
                        .token(dave.token())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
        // an ERROR with its message is fine
        assertThat(record(
                                dave,
                                body(
                                        "module",
                                        "m",
                                        "model",
                                        "x",
                                        "promptTokens",
                                        1,
                                        "completionTokens",
                                        0,
                                        "latencyMs",
                                        1,
                                        "status",
                                        "error",
                                        "errorMessage",
                                        "rate limited"))
                        .expect(201)
                        .json())
                .containsEntry("status", "ERROR")
                .containsEntry("errorMessage", "rate limited");
    }

    // ================================================================== list

    @Test
    void usersSeeTheirOwnInteractionsAndAnAdminSeesEveryone() {
        TestUser erin = user("ai-erin");
        TestUser frank = user("ai-frank");
        String model = model("vis");
        Map<String, Object> mine = record(erin, model, 1, 0, 1, T0);
        record(frank, model, 1, 0, 1, T0);

        api().get(INTERACTIONS + "/" + mine.get("id"))
                .token(frank.token())
                .send()
                .notFound();
        assertThat(api().get(INTERACTIONS + "?model=eq." + model)
                        .token(erin.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(i -> i.get("userId"))
                .containsExactly(erin.id());
        assertThat(api().get(INTERACTIONS + "?model=eq." + model)
                        .token(adminToken())
                        .send()
                        .expect(200)
                        .items())
                .extracting(i -> i.get("userId"))
                .containsExactlyInAnyOrder(erin.id(), frank.id());
        api().get(INTERACTIONS + "/" + mine.get("id"))
                .token(adminToken())
                .send()
                .expect(200);
        api().get(INTERACTIONS + "/" + UUID.randomUUID())
                .token(erin.token())
                .send()
                .notFound();
    }

    @Test
    void filtersByModelModuleStatusAndDateRangeWithKeysetPages() {
        TestUser gina = user("ai-filter");
        String model = model("flt");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add((String) record(
                            gina,
                            body(
                                    "module",
                                    i % 2 == 0 ? "chat" : "mail",
                                    "model",
                                    i < 5 ? model : model + "-other",
                                    "promptTokens",
                                    i,
                                    "completionTokens",
                                    1,
                                    "latencyMs",
                                    10 * i,
                                    "status",
                                    i == 3 ? "ERROR" : "SUCCESS",
                                    "occurredAt",
                                    T0.plusSeconds(3600L * i).toString()))
                    .expect(201)
                    .json()
                    .get("id"));
        }
        String base = INTERACTIONS + "?model=eq." + model;
        assertThat(ids(base + "&module=eq.chat", gina)).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(ids(base + "&status=eq.ERROR", gina)).containsExactly(ids.get(3));
        assertThat(ids(
                        base + "&occurredAt=gte." + T0.plusSeconds(3600) + "&occurredAt=lt." + T0.plusSeconds(3 * 3600),
                        gina))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(INTERACTIONS + "?model=in." + model + "," + model + "-other&sort=latencyMs", gina))
                .containsExactlyElementsOf(ids);
        // keyset pages of 2 cover every row once
        List<Object> seen = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = api().get(base + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(gina.token())
                    .send()
                    .expect(200)
                    .json();
            ((List<?>) page.get("items")).forEach(i -> seen.add(((Map<?, ?>) i).get("id")));
            cursor = (String) ((Map<?, ?>) page.get("page")).get("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        api().get(INTERACTIONS + "?costUsd=eq.1").token(gina.token()).send().errorFields(400);
    }

    @Test
    void aPageOfInteractionsCostsTheSameStatementsWhateverItsSize() {
        TestUser hank = user("ai-page");
        String model = model("pg");
        for (int i = 0; i < 5; i++) {
            record(hank, model, i, 0, 1, T0.plusSeconds(i));
        }
        String list = INTERACTIONS + "?model=eq." + model;
        api().get(list + "&limit=1").token(hank.token()).send().expect(200); // warm-up
        long one = sql().countDuring(() ->
                api().get(list + "&limit=1").token(hank.token()).send().expect(200));
        long hundred = sql().countDuring(() ->
                api().get(list + "&limit=100").token(hank.token()).send().expect(200));
        assertThat(hundred).isEqualTo(one);
        api().get(PRICES + "?limit=1").token(hank.token()).send().expect(200);
        long pricesOne = sql().countDuring(() ->
                api().get(PRICES + "?limit=1").token(hank.token()).send().expect(200));
        long pricesHundred = sql().countDuring(() ->
                api().get(PRICES + "?limit=100").token(hank.token()).send().expect(200));
        assertThat(pricesHundred).isEqualTo(pricesOne);
    }

    // ================================================================== price book

    @Test
    void onlyAnAdminManagesThePriceBookAndAUsedVersionStays() {
        TestUser ivan = user("ai-prices");
        String model = model("pb");
        Map<String, Object> price =
                body("model", model, "inputPerMillion", 1, "outputPerMillion", 2, "effectiveFrom", T0.toString());
        api().post(PRICES).token(ivan.token()).json(price).send().problem(403);
        Map<String, Object> used = api().post(PRICES)
                .token(adminToken())
                .json(price)
                .send()
                .expect(201)
                .json();
        api().post(PRICES).token(adminToken()).json(price).send().problem(409);
        assertThat(api().post(PRICES)
                        .token(adminToken())
                        .json(body(
                                "model",
                                "bad model!",
                                "inputPerMillion",
                                new BigDecimal("0.0000001"),
                                "outputPerMillion",
                                -1))
                        .send()
                        .errorFields(400))
                .contains("model", "inputPerMillion", "outputPerMillion", "effectiveFrom");

        record(ivan, model, 1, 0, 1, T0.plusSeconds(5));
        api().delete(PRICES + "/" + used.get("id")).token(adminToken()).send().problem(428);
        api().delete(PRICES + "/" + used.get("id"))
                .token(ivan.token())
                .ifMatch("\"0\"")
                .send()
                .problem(403);
        api().delete(PRICES + "/" + used.get("id"))
                .token(adminToken())
                .ifMatch("\"0\"")
                .send()
                .problem(409);

        Map<String, Object> unused = addPrice(model, "1", null, "1", T0.plusSeconds(86_400 * 400L));
        api().delete(PRICES + "/" + unused.get("id"))
                .token(adminToken())
                .ifMatch("\"0\"")
                .send()
                .expect(204);
        api().get(PRICES + "/" + unused.get("id")).token(ivan.token()).send().notFound();
        assertThat(api().get(PRICES + "?model=eq." + model)
                        .token(ivan.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(p -> p.get("id"))
                .containsExactly(used.get("id"));
    }

    // ================================================================== usage report

    /** What the test sent and got back for one interaction: the independent source of the expected figures. */
    private record Row(
            String model,
            String module,
            Instant at,
            boolean error,
            long prompt,
            long cached,
            long completion,
            BigDecimal cost,
            long latency) {}

    @Test
    void theUsageReportMatchesFiguresComputedHereFromTheSameRows() {
        TestUser jane = user("ai-report");
        String model = model("rep");
        addPrice(model + "-a", "0.15", "0.075", "0.6", T0);
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String m = model + (i % 3 == 0 ? "-a" : i % 3 == 1 ? "-b" : "-c");
            String module = i % 4 == 0 ? "docs" : "chat";
            // around midnight UTC, so that the day depends on the zone
            Instant at = T0.plus(java.time.Duration.ofHours(24L * (i % 4) + (i % 2 == 0 ? 2 : 23)))
                    .plusSeconds(i);
            long prompt = 1 + random.nextInt(5000);
            long cached = random.nextInt((int) prompt);
            long completion = random.nextInt(3000);
            long latency = random.nextInt(5000);
            boolean error = i % 7 == 0;
            Map<String, Object> sent = body(
                    "module", module,
                    "model", m,
                    "promptTokens", prompt,
                    "cachedPromptTokens", cached,
                    "completionTokens", completion,
                    "latencyMs", latency,
                    "status", error ? "ERROR" : "SUCCESS",
                    "occurredAt", at.toString());
            if (m.endsWith("-b")) {
                sent.put("costUsd", new BigDecimal(random.nextInt(100_000)).movePointLeft(9)); // given
            } // -a: priced from the book; -c: unpriced
            Map<String, Object> got = record(jane, sent).expect(201).json();
            rows.add(new Row(
                    m,
                    module,
                    at,
                    error,
                    prompt,
                    cached,
                    completion,
                    got.get("costUsd") == null ? null : new BigDecimal((String) got.get("costUsd")),
                    latency));
        }

        ZoneId newYork = ZoneId.of("America/New_York");
        assertReport(jane, "groupBy=model", rows, Row::model);
        assertReport(jane, "groupBy=module", rows, Row::module);
        assertReport(jane, "groupBy=user", rows, r -> jane.id());
        assertReport(
                jane,
                "groupBy=day",
                rows,
                r -> LocalDate.ofInstant(r.at(), ZoneOffset.UTC).toString());
        assertReport(
                jane,
                "groupBy=day&zone=America/New_York",
                rows,
                r -> LocalDate.ofInstant(r.at(), newYork).toString());
        // a range and a filter: only the rows inside
        Instant from = T0.plus(java.time.Duration.ofDays(1));
        Instant to = T0.plus(java.time.Duration.ofDays(3));
        assertReport(
                jane,
                "groupBy=model&module=chat&from=" + from + "&to=2026-03-04",
                rows.stream()
                        .filter(r -> r.module().equals("chat") && !r.at().isBefore(from) && r.at().isBefore(to))
                        .toList(),
                Row::model);
        // the admin gets the same figures for jane's rows
        Map<String, Object> byAdmin = api().get("/api/v1/ai/usage?groupBy=model&userId=" + jane.id())
                .token(adminToken())
                .send()
                .expect(200)
                .json();
        Map<String, Object> byJane = api().get("/api/v1/ai/usage?groupBy=model")
                .token(jane.token())
                .send()
                .expect(200)
                .json();
        assertThat(byAdmin.get("groups")).isEqualTo(byJane.get("groups"));
        // nothing matched: no groups, no total
        assertThat(api().get("/api/v1/ai/usage?model=nothing-like-it")
                        .token(jane.token())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("groups", List.of())
                .containsEntry("total", null)
                .containsEntry("zone", "UTC");
        // others' usage is the admin's business
        api().get("/api/v1/ai/usage?userId=" + user("ai-nosy").id())
                .token(jane.token())
                .send()
                .problem(403);
        assertThat(api().get("/api/v1/ai/usage?groupBy=week&zone=Mars/Olympus&from=yesterday&userId=x")
                        .token(jane.token())
                        .send()
                        .errorFields(400))
                .contains("groupBy", "zone", "from", "userId");
        api().get("/api/v1/ai/usage?from=2026-03-02&to=2026-03-01")
                .token(jane.token())
                .send()
                .errorFields(400);
        api().get("/api/v1/ai/usage?zone=%2B02:00").token(jane.token()).send().errorFields(400);
    }

    @SuppressWarnings("unchecked")
    private void assertReport(TestUser who, String query, List<Row> rows, Function<Row, String> key) {
        Map<String, Object> report = api().get("/api/v1/ai/usage?" + query)
                .token(who.token())
                .send()
                .expect(200)
                .json();
        Map<String, List<Row>> expected =
                rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) report.get("groups");
        assertThat(groups).extracting(g -> g.get("key")).as(query).containsExactlyElementsOf(expected.keySet());
        for (Map<String, Object> group : groups) {
            assertFigures(query + " " + group.get("key"), group, expected.get((String) group.get("key")));
        }
        assertFigures(query + " total", (Map<String, Object>) report.get("total"), rows);
    }

    private static void assertFigures(String what, Map<String, Object> figures, List<Row> rows) {
        assertThat(number(figures.get("interactions"))).as(what).isEqualTo(rows.size());
        assertThat(number(figures.get("errors")))
                .as(what)
                .isEqualTo(rows.stream().filter(Row::error).count());
        long prompt = rows.stream().mapToLong(Row::prompt).sum();
        long completion = rows.stream().mapToLong(Row::completion).sum();
        assertThat(number(figures.get("promptTokens"))).as(what).isEqualTo(prompt);
        assertThat(number(figures.get("cachedPromptTokens")))
                .as(what)
                .isEqualTo(rows.stream().mapToLong(Row::cached).sum());
        assertThat(number(figures.get("completionTokens"))).as(what).isEqualTo(completion);
        assertThat(number(figures.get("totalTokens"))).as(what).isEqualTo(prompt + completion);
        BigDecimal cost = rows.stream()
                .map(Row::cost)
                .filter(c -> c != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(12);
        assertThat(figures.get("costUsd")).as(what).isEqualTo(cost.toPlainString());
        assertThat(number(figures.get("unpriced")))
                .as(what)
                .isEqualTo(rows.stream().filter(r -> r.cost() == null).count());
        List<Long> latencies = rows.stream()
                .map(Row::latency)
                .sorted(Comparator.naturalOrder())
                .toList();
        assertThat(((Number) figures.get("p50LatencyMs")).doubleValue())
                .as(what)
                .isCloseTo(percentile(latencies, 0.5), within(1e-9));
        assertThat(((Number) figures.get("p95LatencyMs")).doubleValue())
                .as(what)
                .isCloseTo(percentile(latencies, 0.95), within(1e-9));
    }

    /** The continuous percentile (linear interpolation between the closest ranks), as SQL's percentile_cont. */
    private static double percentile(List<Long> sorted, double fraction) {
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    // ================================================================== reprice

    @Test
    void anAdminRepricesARangeAndGetsTheExactDifference() {
        TestUser kim = user("ai-reprice");
        String model = model("rp");
        Instant start = Instant.parse("2026-05-01T00:00:00Z");
        addPrice(model, "1", "0.5", "2", start);
        Map<String, Object> inside = record(kim, model, 1000, 100, 500, start.plusSeconds(10));
        Map<String, Object> unpriced = record(kim, model + "-new", 3000, 0, 0, start.plusSeconds(20));
        Map<String, Object> given = record(
                        kim,
                        body(
                                "module",
                                "docs",
                                "model",
                                model,
                                "promptTokens",
                                7,
                                "completionTokens",
                                7,
                                "latencyMs",
                                1,
                                "costUsd",
                                new BigDecimal("9.99"),
                                "occurredAt",
                                start.plusSeconds(30).toString()))
                .expect(201)
                .json();
        Map<String, Object> outside = record(kim, model, 1000, 100, 500, start.plusSeconds(86_400 * 2));

        // a correction effective (retroactively) from just before the range, and a price for the new model
        Map<String, Object> corrected = addPrice(model, "1.1", "0.55", "2.2", start.plusSeconds(1));
        Map<String, Object> newModel = addPrice(model + "-new", "0.333333", null, "1", start);

        api().post("/api/v1/ai/reprice")
                .token(kim.token())
                .json(body(
                        "from",
                        start.toString(),
                        "to",
                        start.plusSeconds(86_400).toString()))
                .send()
                .problem(403);
        api().post("/api/v1/ai/reprice")
                .token(adminToken())
                .json(body("from", start.toString(), "to", start.toString()))
                .send()
                .errorFields(400);

        Map<String, Object> result = api().post("/api/v1/ai/reprice")
                .token(adminToken())
                .json(body(
                        "from",
                        start.toString(),
                        "to",
                        start.plusSeconds(86_400).toString()))
                .send()
                .expect(200)
                .json();
        BigDecimal before = new BigDecimal((String) inside.get("costUsd"));
        BigDecimal afterInside = new BigDecimal(cost(1000, 100, 500, "1.1", "0.55", "2.2"));
        BigDecimal afterUnpriced = new BigDecimal(cost(3000, 0, 0, "0.333333", "0.333333", "1"));
        assertThat(result)
                .containsEntry("repriced", 2)
                .containsEntry("previousCostUsd", before.toPlainString())
                .containsEntry("newCostUsd", afterInside.add(afterUnpriced).toPlainString())
                .containsEntry(
                        "differenceUsd",
                        afterInside.add(afterUnpriced).subtract(before).toPlainString());
        assertThat(get(kim, inside))
                .containsEntry("costUsd", afterInside.toPlainString())
                .containsEntry("priceVersion", corrected.get("id"))
                .containsEntry("version", 1);
        assertThat(get(kim, unpriced))
                .containsEntry("costSource", "PRICE_BOOK")
                .containsEntry("priceVersion", newModel.get("id"));
        assertThat(get(kim, given)).containsEntry("costUsd", "9.990000000000").containsEntry("costSource", "GIVEN");
        assertThat(get(kim, outside)).isEqualTo(outside);

        // again: nothing left to change
        assertThat(api().post("/api/v1/ai/reprice")
                        .token(adminToken())
                        .json(body(
                                "from",
                                start.toString(),
                                "to",
                                start.plusSeconds(86_400).toString()))
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("repriced", 0)
                .containsEntry("differenceUsd", "0.000000000000");
        // given costs only on request
        Map<String, Object> withGiven = api().post("/api/v1/ai/reprice")
                .token(adminToken())
                .json(body(
                        "from",
                        start.toString(),
                        "to",
                        start.plusSeconds(86_400).toString(),
                        "includeGivenCosts",
                        true))
                .send()
                .expect(200)
                .json();
        BigDecimal givenNow = new BigDecimal(cost(7, 0, 7, "1.1", "0.55", "2.2"));
        assertThat(withGiven)
                .containsEntry("repriced", 1)
                .containsEntry(
                        "differenceUsd",
                        givenNow.subtract(new BigDecimal("9.990000000000")).toPlainString());
    }

    @Test
    void concurrentRepricesOfOneRangeChangeEachInteractionOnceAndTheirDifferencesAddUp() throws Exception {
        TestUser lou = user("ai-race");
        String model = model("race");
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        addPrice(model, "1", null, "1", start.minusSeconds(10));
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 0; i < 20; i++) {
            before = before.add(new BigDecimal((String)
                    record(lou, model, 1000 + i, 0, 10, start.plusSeconds(i)).get("costUsd")));
        }
        addPrice(model, "2", null, "3", start); // a correction for the whole range
        Map<String, Object> range =
                body("from", start.toString(), "to", start.plusSeconds(60).toString());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Map<String, Object>>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return api().post("/api/v1/ai/reprice")
                            .token(adminToken())
                            .json(range)
                            .send()
                            .expect(200)
                            .json();
                }));
            }
            go.countDown();
            long repriced = 0;
            BigDecimal difference = BigDecimal.ZERO;
            for (java.util.concurrent.Future<Map<String, Object>> result : results) {
                Map<String, Object> r = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
                repriced += number(r.get("repriced"));
                difference = difference.add(new BigDecimal((String) r.get("differenceUsd")));
            }
            BigDecimal after = BigDecimal.ZERO;
            for (int i = 0; i < 20; i++) {
                after = after.add(new BigDecimal(cost(1000 + i, 0, 10, "2", "2", "3")));
            }
            // the second reprice waited for the first one's row locks, then found nothing left to change
            assertThat(repriced).isEqualTo(20);
            assertThat(difference).isEqualByComparingTo(after.subtract(before));
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> get(TestUser who, Map<String, Object> interaction) {
        return api().get(INTERACTIONS + "/" + interaction.get("id"))
                .token(who.token())
                .send()
                .expect(200)
                .json();
    }

    // ================================================================== read-only

    @Test
    void everyAiQueryRunsOnAReadOnlyConnection() {
        TestUser lee = user("ai-ro");
        Map<String, Object> interaction = record(lee, model("ro"), 1, 0, 1, T0);
        Actor actor = new Actor(new UserId(UUID.fromString(lee.id())), Role.USER);
        AiInteractionQueries interactions = bean(AiInteractionQueries.class);
        ModelPriceQueries prices = bean(ModelPriceQueries.class);
        PageRequest page = PageRequest.first(10, List.of());
        Map<String, Runnable> reads = Map.of(
                "AiInteractionQueries.get",
                () -> interactions.get(actor, new AiInteractionId(UUID.fromString((String) interaction.get("id")))),
                "AiInteractionQueries.search",
                () -> interactions.search(actor, SearchCriteria.none(), page),
                "AiInteractionQueries.usage",
                () -> interactions.usage(actor, new UsageQuery(UsageGrouping.DAY, null, null, null, null, null, null)),
                "ModelPriceQueries.search",
                () -> prices.search(actor, SearchCriteria.none(), page),
                "ModelPriceQueries.inEffect",
                () -> prices.inEffect(actor, "x", T0));
        ConnectionProbe probe = bean(ConnectionProbe.class);
        reads.forEach((name, read) -> {
            probe.clear();
            read.run();
            assertThat(probe.statements())
                    .as(name)
                    .isNotEmpty()
                    .allSatisfy(statement -> assertThat(statement.readOnly())
                            .as(name + ": " + statement.sql())
                            .isTrue());
        });
    }

    private List<Object> ids(String path, TestUser who) {
        return api().get(path).token(who.token()).send().expect(200).items().stream()
                .map(i -> i.get("id"))
                .toList();
    }
}
