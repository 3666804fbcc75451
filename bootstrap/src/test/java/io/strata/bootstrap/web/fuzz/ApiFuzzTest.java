package io.strata.bootstrap.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.bootstrap.web.fuzz.HostileValues.Hostile;
import io.strata.bootstrap.web.fuzz.HostileValues.HostileText;
import io.strata.bootstrap.web.fuzz.HostileValues.Kind;
import io.strata.bootstrap.web.fuzz.OpenApiOperations.Operation;
import io.strata.bootstrap.web.fuzz.OpenApiOperations.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Drives every operation of the application's own OpenAPI document ({@code /openapi.yml}) with hostile
 * values, one input at a time with everything else valid and real resources behind the ids, as an ADMIN
 * and anonymously, and asserts that nothing is answered with a 5xx (or not at all) and that nothing is
 * logged at ERROR. Inputs: every body field (built from the schema, nested objects and array items too),
 * every query parameter (plus {@code field=op.value} forms for the operators the document lists), every
 * path and header parameter, whole bodies (missing, empty, wrong type, wrong content type, broken
 * UTF-8, deep nesting, too large) and malformed request lines. New endpoints are covered by adding them
 * to the document; path ids are resolved by the resource segment before the parameter
 * ({@code /projects/{id}} is a real project), unknown resources get a random UUID.
 */
class ApiFuzzTest extends IntegrationTest {
    private static final int THREADS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The values an anonymous caller sends per input (most operations stop at the 401). */
    private static final Set<String> ANONYMOUS_SAMPLE = Set.of(
            "NUL",
            "unpaired high surrogate",
            "10 kB",
            "date +999999999-12-31",
            "1e999999",
            "null",
            "array with null",
            "[NUL]",
            "[null]",
            "{k: NUL}",
            "instant +1000000000",
            "number 99999999999");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<String> errorLogs = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<String, String> etagPaths = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanosPerOperation = new ConcurrentHashMap<>();
    private OpenApiOperations document;
    private Fixtures fixtures;

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.identity.max-failures-per-ip",
                "1000000",
                "strata.identity.max-failures-per-account",
                "1000000",
                "strata.identity.max-sign-ups-per-ip",
                "1000000");
    }

    /** Real resources: a user with a profile and a session, a project with two tasks, one depending on the other. */
    private record Fixtures(
            String userId, String userEmail, String sessionId, String projectId, String taskId, String otherTaskId) {
        /** The id of a resource named by the path segment (or body field) before/around it. */
        String idFor(String name) {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.contains("project")) {
                return projectId;
            }
            if (key.contains("dependenc") || key.contains("dependson") || key.equals("taskid")) {
                return otherTaskId;
            }
            if (key.contains("task")) {
                return taskId;
            }
            if (key.contains("session")) {
                return sessionId;
            }
            if (key.contains("user")
                    || key.contains("member")
                    || key.contains("assignee")
                    || key.contains("owner")
                    || key.equals("ids")) {
                return userId;
            }
            return UUID.randomUUID().toString();
        }
    }

    /** One request to send and how to describe it in the report. */
    private record Probe(Operation operation, String caller, String site, String value, Supplier<Request> request) {}

    private record Request(String method, String target, Map<String, String> headers, byte[] body) {}

    @Test
    void noOperationAnswersHostileInputWithA5xx() throws Exception {
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        document = new OpenApiOperations(
                api().get("/openapi.yml").send().expect(200).body());
        assertThat(document.operations()).isNotEmpty();
        fixtures = fixtures();

        List<List<Probe>> perOperation = new ArrayList<>();
        for (Operation operation : document.operations()) {
            // an ADMIN of its own per operation: an operation may log its caller out or change its password
            String adminToken = api().newUser(adminToken(), "fz-admin", "ADMIN").token();
            List<Probe> probes = new ArrayList<>(probes(operation, "ADMIN", adminToken));
            probes.addAll(probes(operation, "anonymous", null));
            perOperation.add(probes);
        }
        List<Probe> all = interleave(perOperation);

        CapturingAppender appender = new CapturingAppender();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.start();
        root.addAppender(appender);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Probe probe : all) {
                running.add(pool.submit(() -> run(probe)));
            }
            for (Future<?> future : running) {
                future.get();
            }
            for (Operation operation : document.operations()) {
                malformedRequestLines(operation);
            }
        } finally {
            pool.shutdownNow();
            root.detachAppender(appender);
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf(
                "API fuzz: %d operations, %d requests, %d s (process CPU %d s)%n",
                document.operations().size(), sent.get(), seconds, (processCpuNanos() - cpuStarted) / 1_000_000_000L);
        nanosPerOperation.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(b.sum(), a.sum())))
                .limit(8)
                .forEach(e -> System.out.printf(
                        "  %s: %d ms in requests%n", e.getKey(), e.getValue().sum() / 1_000_000));
        assertThat(failures)
                .as("5xx or no answer for hostile input (%d of %d requests)", failures.size(), sent.get())
                .isEmpty();
        assertThat(errorLogs).as("client errors logged at ERROR").isEmpty();
    }

    // ------------------------------------------------------------------ probes

    private List<Probe> probes(Operation op, String caller, String token) {
        boolean anonymous = token == null;
        List<Probe> probes = new ArrayList<>();
        int site = 0;
        probes.add(new Probe(
                op,
                caller,
                "(valid)",
                "-",
                () -> request(
                        op,
                        token,
                        Map.of(),
                        Map.of(),
                        null,
                        op.bodySchema() == null ? null : document.resolve(op.bodySchema()),
                        null)));
        for (Parameter p : op.parameters("path")) {
            for (HostileText value : sample(HostileValues.forText(p.kind()), anonymous, site++)) {
                probes.add(new Probe(
                        op,
                        caller,
                        "path " + p.name(),
                        value.label(),
                        () -> request(
                                op, token, Map.of(p.name(), value.encoded()), Map.of(), null, op.bodySchema(), null)));
            }
        }
        for (Parameter p : op.parameters("query")) {
            // a filter parameter's value is op.value: the operator forms below carry the hostile values
            List<HostileText> raw = HostileValues.forText(p.kind());
            for (HostileText value : p.operators().isEmpty() ? sample(raw, anonymous, site++) : sample(raw, true, 0)) {
                probes.add(new Probe(
                        op,
                        caller,
                        "query " + p.name(),
                        value.label(),
                        () -> request(
                                op, token, Map.of(), Map.of(p.name(), value.encoded()), null, op.bodySchema(), null)));
            }
            probes.add(new Probe(
                    op,
                    caller,
                    "query " + p.name(),
                    "repeated",
                    () -> request(
                            op,
                            token,
                            Map.of(),
                            Map.of(p.name(), "1&" + p.name() + "=2"),
                            null,
                            op.bodySchema(),
                            null)));
            for (String operator : p.operators()) {
                for (HostileText value : sample(HostileValues.forFilterValue(p.kind()), anonymous, site++)) {
                    probes.add(new Probe(
                            op,
                            caller,
                            "filter " + p.name() + "=" + operator + ".",
                            value.label(),
                            () -> request(
                                    op,
                                    token,
                                    Map.of(),
                                    Map.of(p.name(), operator + "." + value.encoded()),
                                    null,
                                    op.bodySchema(),
                                    null)));
                }
            }
            if (p.name().equals("cursor") && !anonymous) {
                for (String cursor : tamperedCursors(op, token)) {
                    probes.add(new Probe(
                            op,
                            caller,
                            "query cursor",
                            "tampered " + HostileValues.abbreviate(cursor),
                            () -> request(op, token, Map.of(), Map.of("cursor", cursor), null, op.bodySchema(), null)));
                }
            }
        }
        List<String> headers = new ArrayList<>(
                op.parameters("header").stream().map(Parameter::name).toList());
        if (op.method().equals("POST")) {
            headers.add("Idempotency-Key");
        }
        for (String header : headers) {
            for (HostileText value : sample(HostileValues.forHeader(), anonymous, site++)) {
                probes.add(new Probe(
                        op,
                        caller,
                        "header " + header,
                        value.label(),
                        () -> request(
                                op, token, Map.of(), Map.of(), Map.of(header, value.plain()), op.bodySchema(), null)));
            }
        }
        if (op.method().equals("POST") && !op.parameters("path").isEmpty()) {
            // the idempotency store keys responses by caller and path, whatever the path holds
            for (String path : List.of("%00", "a".repeat(300), "%F0%9F%98%80".repeat(60))) {
                probes.add(new Probe(
                        op,
                        caller,
                        "header Idempotency-Key + path",
                        HostileValues.abbreviate(path),
                        () -> request(
                                op,
                                token,
                                Map.of(op.parameters("path").get(0).name(), path),
                                Map.of(),
                                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                                op.bodySchema(),
                                null)));
            }
        }
        if (op.bodySchema() != null) {
            boolean first = true;
            for (BodySite body : bodySites(op.bodySchema(), new ArrayList<>(), 0)) {
                List<Hostile> values = HostileValues.forBody(body.kind(), body.itemKind(), first && !anonymous);
                first = false;
                for (Hostile value : sample(values, anonymous, site++)) {
                    probes.add(new Probe(
                            op,
                            caller,
                            "body " + body.name(),
                            value.label(),
                            () -> request(
                                    op,
                                    token,
                                    Map.of(),
                                    Map.of(),
                                    null,
                                    op.bodySchema(),
                                    new Replacement(body.path(), value.json()))));
                }
            }
        }
        probes.addAll(wholeBodies(op, caller, token));
        return probes;
    }

    /** An ADMIN sends the core values and a third of the others at each input; an anonymous caller a few. */
    private static <T> List<T> sample(List<T> values, boolean anonymous, int site) {
        return anonymous
                ? values.stream()
                        .filter(v -> ANONYMOUS_SAMPLE.contains(v.toString()))
                        .toList()
                : HostileValues.sample(values, site, 3);
    }

    /** Whole-body cases: missing, empty, not an object, broken, wrong content types, too large. */
    private List<Probe> wholeBodies(Operation op, String caller, String token) {
        List<Probe> probes = new ArrayList<>();
        if (op.bodySchema() == null) {
            probes.add(new Probe(
                    op,
                    caller,
                    "whole body",
                    "unexpected body",
                    () -> new Request(
                            op.method(),
                            target(op, Map.of(), Map.of()),
                            headers(op, token, "application/json", null),
                            ascii("{\"a\":\"\\u0000\"}"))));
            return probes;
        }
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        String json = op.contentType() == null ? "application/json" : op.contentType();
        bodies.put("empty body", new byte[0]);
        bodies.put("null", ascii("null"));
        bodies.put("array", ascii("[]"));
        bodies.put("string", ascii("\"text\""));
        bodies.put("number", ascii("1e999999"));
        bodies.put("truncated", ascii("{\"a\":"));
        bodies.put("NaN", ascii("NaN"));
        bodies.put("invalid UTF-8", new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
        bodies.put("UTF-16 body", "{\"a\":1}".getBytes(StandardCharsets.UTF_16));
        bodies.put("deep nesting", ascii("[".repeat(5000) + "]".repeat(5000)));
        bodies.put("deep object", ascii("{\"a\":".repeat(5000) + "1" + "}".repeat(5000)));
        bodies.put("duplicate keys", ascii("{\"a\":1,\"a\":2}"));
        bodies.put("over 1 MB", ascii("{\"a\":\"" + "z".repeat(1024 * 1024 + 10) + "\"}"));
        bodies.put("NUL key", ascii("{\"\\u0000\":1}"));
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            if (token != null
                    || Set.of("empty body", "invalid UTF-8", "NUL key").contains(body.getKey())) {
                probes.add(new Probe(
                        op,
                        caller,
                        "whole body",
                        body.getKey(),
                        () -> new Request(
                                op.method(),
                                target(op, Map.of(), Map.of()),
                                headers(op, token, json, null),
                                body.getValue())));
            }
        }
        types.put("missing body and type", null);
        types.put("text/plain", "text/plain");
        types.put("application/xml", "application/xml");
        types.put("form", "application/x-www-form-urlencoded");
        types.put("multipart", "multipart/form-data; boundary=x");
        types.put("json latin-1", "application/json; charset=ISO-8859-1");
        types.put("garbage type", "///;;;");
        for (Map.Entry<String, String> type : types.entrySet()) {
            if (token != null || type.getValue() == null) {
                byte[] body = type.getValue() == null
                        ? null
                        : type.getKey().equals("form") ? ascii("a=%00&b=%FF") : ascii("{\"a\":\"\u00e9\"}");
                probes.add(new Probe(
                        op,
                        caller,
                        "content type",
                        type.getKey(),
                        () -> new Request(
                                op.method(),
                                target(op, Map.of(), Map.of()),
                                headers(op, token, type.getValue(), null),
                                body)));
            }
        }
        return probes;
    }

    // ------------------------------------------------------------------ request building

    private record Replacement(List<Object> path, Object value) {}

    private record BodySite(String name, List<Object> path, Kind kind, Kind itemKind) {}

    private Request request(
            Operation op,
            String token,
            Map<String, String> pathValues,
            Map<String, String> query,
            Map<String, String> headerValues,
            Map<String, Object> bodySchema,
            Replacement replacement) {
        byte[] body = null;
        if (bodySchema != null) {
            Map<String, Object> schema = document.resolve(bodySchema);
            Object value = baseline(schema, "", op);
            if (replacement != null) {
                value = replace(schema, value, replacement.path(), 0, replacement.value(), op);
            }
            body = FuzzJson.bytes(value);
        }
        return new Request(
                op.method(),
                target(op, pathValues, query),
                headers(op, token, bodySchema == null ? null : op.contentType(), headerValues),
                body);
    }

    private String target(Operation op, Map<String, String> pathValues, Map<String, String> query) {
        StringBuilder path = new StringBuilder();
        String[] segments = op.path().split("/");
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            path.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                path.append(pathValues.getOrDefault(name, fixtures.idFor(segments[i - 1])));
            } else {
                path.append(segment);
            }
        }
        List<String> pairs = new ArrayList<>();
        for (Parameter p : op.parameters("query")) {
            if (query.containsKey(p.name())) {
                pairs.add(p.name() + "=" + query.get(p.name()));
            } else if (p.required()) {
                pairs.add(p.name() + "=" + baselineText(p));
            }
        }
        query.forEach((name, value) -> {
            if (op.parameters("query").stream().noneMatch(p -> p.name().equals(name))) {
                pairs.add(name + "=" + value);
            }
        });
        return pairs.isEmpty() ? path.toString() : path + "?" + String.join("&", pairs);
    }

    private String baselineText(Parameter p) {
        Object value = baseline(p.schema(), p.name(), null);
        return HostileValues.encode(
                value instanceof List<?> list
                        ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                        : String.valueOf(value));
    }

    private Map<String, String> headers(
            Operation op, String token, String contentType, Map<String, String> headerValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        for (Parameter p : op.parameters("header")) {
            if (p.name().equalsIgnoreCase("If-Match")) {
                String etag = currentEtag(op);
                if (etag != null) {
                    headers.put(p.name(), etag);
                }
            }
        }
        if (headerValues != null) {
            headers.putAll(headerValues);
        }
        return headers;
    }

    /** The ETag of the resource an If-Match operation changes: GET its path, or the nearest parent that has one. */
    private String currentEtag(Operation op) {
        String concrete = target(op, Map.of(), Map.of());
        String known = etagPaths.get(op.toString());
        List<String> candidates = new ArrayList<>();
        if (known != null) {
            candidates.add(known);
        } else {
            for (String path = concrete;
                    path.lastIndexOf('/') > "/api/v1".length();
                    path = path.substring(0, path.lastIndexOf('/'))) {
                candidates.add(path);
            }
        }
        for (String path : candidates) {
            Api.Response response = api().get(path).token(adminToken()).send();
            if (response.status() == 200 && response.header("ETag").isPresent()) {
                etagPaths.put(op.toString(), path);
                return response.etag();
            }
        }
        return null;
    }

    private List<BodySite> bodySites(Map<String, Object> schema, List<Object> prefix, int depth) {
        List<BodySite> sites = new ArrayList<>();
        Map<String, Object> resolved = document.resolve(schema);
        for (Map.Entry<String, Object> property : document.properties(resolved).entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) property.getValue();
            List<Object> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            Kind kind = OpenApiOperations.kind(child);
            Map<String, Object> items = kind == Kind.ARRAY ? document.items(child) : Map.of();
            Kind itemKind = kind == Kind.ARRAY ? OpenApiOperations.kind(items) : null;
            sites.add(new BodySite(name(path), path, kind, itemKind));
            if (depth < 3 && kind == Kind.OBJECT && child.containsKey("properties")) {
                sites.addAll(bodySites(child, path, depth + 1));
            }
            if (depth < 3 && kind == Kind.ARRAY && items.containsKey("properties")) {
                List<Object> itemPath = new ArrayList<>(path);
                itemPath.add(0);
                sites.addAll(bodySites(items, itemPath, depth + 1));
            }
        }
        return sites;
    }

    private static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(part);
            }
        }
        return name.toString();
    }

    /** A valid value for {@code schema}: required properties only, real ids, unique e-mails and usernames. */
    @SuppressWarnings("unchecked")
    private Object baseline(Map<String, Object> schema, String name, Operation op) {
        Map<String, Object> resolved = document.resolve(schema);
        Kind kind = OpenApiOperations.kind(resolved);
        switch (kind) {
            case OBJECT -> {
                Map<String, Object> value = new LinkedHashMap<>();
                Map<String, Object> properties = document.properties(resolved);
                for (String required : OpenApiOperations.required(resolved)) {
                    if (properties.containsKey(required)) {
                        value.put(required, baseline((Map<String, Object>) properties.get(required), required, op));
                    }
                }
                return value;
            }
            case ARRAY -> {
                List<Object> value = new ArrayList<>();
                value.add(baseline(document.items(resolved), name, op));
                return value;
            }
            case ENUM -> {
                return ((List<Object>) resolved.get("enum")).get(0);
            }
            case UUID -> {
                return fixtures.idFor(name);
            }
            case DATE -> {
                return "2026-06-01";
            }
            case DATE_TIME -> {
                return Instant.now().toString();
            }
            case INTEGER -> {
                return 1;
            }
            case NUMBER -> {
                return resolved.get("example") instanceof Number n ? n : 1;
            }
            case BOOLEAN -> {
                return true;
            }
            default -> {
                return baselineString(resolved, name, op);
            }
        }
    }

    private Object baselineString(Map<String, Object> schema, String name, Operation op) {
        String key = name.toLowerCase(Locale.ROOT);
        boolean signUp = op != null
                && op.bodySchema() != null
                && document.properties(document.resolve(op.bodySchema())).containsKey("username");
        if (key.equals("email")) {
            return signUp ? Api.unique("fz") + "@example.test" : fixtures.userEmail();
        }
        if (key.equals("username")) {
            return Api.unique("fz");
        }
        if (key.contains("password")) {
            return Api.PASSWORD;
        }
        if (key.endsWith("id") || key.equals("ids")) {
            return fixtures.idFor(name);
        }
        if (key.equals("currency")) {
            return "EUR";
        }
        return schema.get("example") instanceof String example ? example : "fuzz-" + name;
    }

    /** {@code value} with the element at {@code path} replaced, building valid parents on the way. */
    @SuppressWarnings("unchecked")
    private Object replace(
            Map<String, Object> schema, Object value, List<Object> path, int at, Object replacement, Operation op) {
        if (at == path.size()) {
            return replacement;
        }
        Object step = path.get(at);
        if (step instanceof Integer index) {
            Map<String, Object> items = document.items(schema);
            List<Object> list = value instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            while (list.size() <= index) {
                list.add(baseline(items, "", op));
            }
            list.set(index, replace(items, list.get(index), path, at + 1, replacement, op));
            return list;
        }
        String property = (String) step;
        Map<String, Object> child =
                (Map<String, Object>) document.properties(schema).getOrDefault(property, Map.of());
        Map<String, Object> map =
                value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        Object current = map.containsKey(property) ? map.get(property) : baseline(child, property, op);
        map.put(property, replace(document.resolve(child), current, path, at + 1, replacement, op));
        return map;
    }

    private List<String> tamperedCursors(Operation op, String token) {
        List<String> cursors = new ArrayList<>(List.of(
                "AAAA",
                "%00",
                "not-base64!",
                "A".repeat(5000),
                java.util.Base64.getUrlEncoder()
                        .encodeToString("{\"id\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8))));
        if (op.method().equals("GET")) {
            Api.Response page = api().get(target(op, Map.of(), Map.of("limit", "1")))
                    .token(token)
                    .send();
            if (page.status() == 200
                    && page.json().get("page") instanceof Map<?, ?> info
                    && info.get("nextCursor") instanceof String next) {
                char last = next.charAt(next.length() - 1);
                cursors.add(next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A'));
                cursors.add(next.substring(1));
                cursors.add(next + "AAAA");
            }
        }
        return cursors;
    }

    // ------------------------------------------------------------------ running

    private void run(Probe probe) {
        Request request;
        try {
            request = probe.request().get();
        } catch (RuntimeException e) {
            failures.add(describe(probe) + " -> could not build the request: " + e);
            return;
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(server.getURL() + request.target()))
                    .timeout(TIMEOUT);
            request.headers().forEach(builder::header);
        } catch (IllegalArgumentException e) {
            return; // a value the HTTP client refuses to send (e.g. a control character in a header)
        }
        builder.method(
                request.method(),
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        sent.incrementAndGet();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = sendRetryingOnce(builder.build());
            nanosPerOperation
                    .computeIfAbsent(probe.operation().toString(), k -> new LongAdder())
                    .add(System.nanoTime() - start);
            if (response.statusCode() >= 500) {
                failures.add(describe(probe) + " -> " + response.statusCode() + " "
                        + HostileValues.abbreviate(response.body(), 160));
            }
        } catch (IOException e) {
            if (!(request.body() != null && request.body().length > 1024 * 1024)) { // 413 may close the connection
                failures.add(describe(probe) + " -> no answer: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends, and once more on a fresh connection when no answer came: after a 413 the server closes the
     * connection, and the client may already have picked that pooled connection for the next request.
     */
    private HttpResponse<String> sendRetryingOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException first) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Request lines no well-behaved client sends: invalid percent escapes and raw bytes, over a plain socket. */
    private void malformedRequestLines(Operation op) {
        String target = target(op, Map.of(), Map.of());
        List<String> variants = new ArrayList<>(List.of(
                target + (target.contains("?") ? "&" : "?") + "q=%zz",
                target + (target.contains("?") ? "&" : "?") + "%=1&a=%",
                target + "%"));
        if (!op.parameters("path").isEmpty()) {
            variants.add(target(op, Map.of(op.parameters("path").get(0).name(), "%zz"), Map.of()));
            variants.add(target(op, Map.of(op.parameters("path").get(0).name(), "\u00ff\u00fe"), Map.of()));
        }
        for (String line : variants) {
            String request = op.method() + " " + line + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + adminToken() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            sent.incrementAndGet();
            try (Socket socket = new Socket(server.getHost(), server.getPort())) {
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
                if (!status.matches("HTTP/1\\.1 [1-4]\\d\\d")) {
                    failures.add(
                            op + " [ADMIN] request line '" + HostileValues.abbreviate(line) + "' -> '" + status + "'");
                }
            } catch (IOException e) {
                failures.add(op + " [ADMIN] request line '" + HostileValues.abbreviate(line) + "' -> no answer: " + e);
            }
        }
    }

    private static String describe(Probe probe) {
        return probe.operation() + " [" + probe.caller() + "] " + probe.site() + " = " + probe.value();
    }

    /** Round-robin over the operations, so that parallel requests hit different resources. */
    private static List<Probe> interleave(List<List<Probe>> perOperation) {
        List<Probe> all = new ArrayList<>();
        int longest = perOperation.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Probe> probes : perOperation) {
                if (i < probes.size()) {
                    all.add(probes.get(i));
                }
            }
        }
        return all;
    }

    private Fixtures fixtures() {
        Api.TestUser user = api().newUser(adminToken(), "fz-target", null);
        String sessionId = (String) api().get("/api/v1/sessions")
                .token(user.token())
                .send()
                .expect(200)
                .items()
                .get(0)
                .get("id");
        api().put("/api/v1/users/" + user.id() + "/profile")
                .token(user.token())
                .json(Map.of("bio", "fuzz"))
                .send()
                .expect(201);
        Map<String, Object> project = api().post("/api/v1/projects")
                .token(adminToken())
                .json(Map.of(
                        "name",
                        "Fuzz",
                        "members",
                        List.of(user.id()),
                        "tasks",
                        List.of(
                                Map.of("key", "a", "title", "A", "assigneeId", user.id()),
                                Map.of("key", "b", "title", "B"))))
                .send()
                .expect(201)
                .json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) project.get("tasks");
        String taskId = (String) tasks.get(0).get("id");
        String otherTaskId = (String) tasks.get(1).get("id");
        api().post("/api/v1/tasks/" + taskId + "/dependencies")
                .token(adminToken())
                .json(Map.of("taskId", otherTaskId))
                .send();
        return new Fixtures(user.id(), user.email(), sessionId, (String) project.get("id"), taskId, otherTaskId);
    }

    /** CPU time of this JVM (server and client): the test's cost independent of the machine's other load. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Collects ERROR events (with their logger and first line) while the fuzz runs. */
    private final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errorLogs.add(event.getLoggerName() + ": " + HostileValues.abbreviate(event.getFormattedMessage(), 200)
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " (" + event.getThrowableProxy().getClassName() + ")"));
            }
        }
    }
}
