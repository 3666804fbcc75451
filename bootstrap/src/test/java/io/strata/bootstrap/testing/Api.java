package io.strata.bootstrap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP client for API tests: exact bytes in (malformed JSON, odd content types, raw
 * headers), status, headers and body out, no exceptions for 4xx/5xx. Every response body is kept so
 * a test class can assert that no secret (password hash, token hash, another response's token)
 * ever appears in one.
 *
 * <p>{@link Call#json(Object)} serializes with the application's serde settings, which leave out
 * nulls and empty collections; send exact JSON (e.g. a merge patch with {@code null}) with
 * {@link Call#raw(String, String)}.
 */
public final class Api {
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PASSWORD = "correct-horse-9";
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final URI base;
    private final JsonMapper json;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Queue<Response> responses = new ConcurrentLinkedQueue<>();

    public Api(URL base, JsonMapper json) {
        this.base = URI.create(base.toString().replaceAll("/$", ""));
        this.json = json;
    }

    /** A unique, valid username with this prefix. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** Every response this client received. */
    public List<Response> responses() {
        return new ArrayList<>(responses);
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ identity shortcuts

    /** Logs in and returns the bearer token. */
    public String login(String email, String password) {
        Response response = post("/api/v1/sessions")
                .json(Map.of("email", email, "password", password))
                .send();
        response.expect(201);
        return (String) response.json().get("token");
    }

    /** Registers a user (as {@code token}'s user, or anonymously when null) with {@link #PASSWORD}. */
    public Map<String, Object> register(String token, String username, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", username + "@example.test");
        body.put("username", username);
        body.put("password", PASSWORD);
        if (role != null) {
            body.put("role", role);
        }
        return post("/api/v1/users").token(token).json(body).send().expect(201).json();
    }

    /** Registers a user with {@code role} and logs them in. */
    public TestUser newUser(String adminToken, String prefix, String role) {
        Map<String, Object> user = register(adminToken, unique(prefix), role);
        String email = (String) user.get("email");
        return new TestUser((String) user.get("id"), email, (String) user.get("username"), login(email, PASSWORD));
    }

    public record TestUser(String id, String email, String username, String token) {}

    // ------------------------------------------------------------------ request builder

    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        public Call json(Object value) {
            return raw(value instanceof String s ? s : toJson(value), "application/json");
        }

        public Call raw(String text, String contentType) {
            return bytes(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public Call bytes(byte[] bytes, String contentType) {
            this.body = bytes;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
            headers.forEach(builder::header);
            builder.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<String> response =
                        client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Response result = new Response(
                        method + " " + path,
                        response.statusCode(),
                        response.headers().map(),
                        response.body());
                responses.add(result);
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------ response

    public final class Response {
        private final String request;
        private final int status;
        private final Map<String, List<String>> headers;
        private final String body;

        Response(String request, int status, Map<String, List<String>> headers, String body) {
            this.request = request;
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }

        public String request() {
            return request;
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public String etag() {
            return header("ETag").orElseThrow(() -> new AssertionError(request + ": no ETag"));
        }

        public Response expect(int expected) {
            assertThat(status).as("%s -> %s", request, body).isEqualTo(expected);
            return this;
        }

        /** Asserts 201 Created and returns the new resource's {@code id}. */
        public String createdId() {
            expect(201);
            Object id = json().get("id");
            if (!(id instanceof String text)) {
                throw new AssertionError(request + ": no id in " + body);
            }
            return text;
        }

        public Map<String, Object> json() {
            try {
                return json.readValue(body, MAP);
            } catch (IOException e) {
                throw new AssertionError(request + ": not a JSON object: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json().get("items");
        }

        /** Asserts an RFC 9457 problem with this status and returns it. */
        public Map<String, Object> problem(int expected) {
            expect(expected);
            assertThat(header("Content-Type"))
                    .as("%s content type", request)
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith(PROBLEM_JSON));
            Map<String, Object> problem = json();
            assertThat(problem).as(request).containsKeys("type", "title", "status", "detail");
            assertThat(problem.get("status")).isEqualTo(expected);
            assertThat((String) problem.get("type")).startsWith("urn:strata:problem:");
            assertThat(body)
                    .as("%s leaks internals", request)
                    .doesNotContain("Exception", "\tat ", "io.strata.", "io.micronaut.", "org.hibernate");
            return problem;
        }

        /**
         * Asserts a 404 from a lookup that missed (or an object hidden from the caller), not the 404 of a path
         * no route matches; returns the problem.
         */
        public Map<String, Object> notFound() {
            Map<String, Object> problem = problem(404);
            assertThat((String) problem.get("detail"))
                    .as("%s: a lookup miss, not an unknown route", request)
                    .endsWith(" not found");
            return problem;
        }

        /** The field names of a validation problem's {@code errors}. */
        @SuppressWarnings("unchecked")
        public List<String> errorFields(int expected) {
            Map<String, Object> problem = problem(expected);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.getOrDefault("errors", List.of());
            return errors.stream().map(e -> (String) e.get("field")).toList();
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }
}
