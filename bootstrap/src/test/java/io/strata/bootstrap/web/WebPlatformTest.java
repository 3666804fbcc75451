package io.strata.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.exceptions.HttpStatusHandler;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.Router;
import io.strata.adapters.persistence.shared.PersistenceErrors;
import io.strata.adapters.web.shared.ErrorRouteController;
import io.strata.adapters.web.shared.JsonBodyHandlers;
import io.strata.adapters.web.shared.PreconditionRequiredException;
import io.strata.adapters.web.shared.RequestBindingHandlers;
import io.strata.adapters.web.shared.RuleViolationHandlers;
import io.strata.adapters.web.shared.UnexpectedErrorHandler;
import io.strata.application.shared.idempotency.ClaimIdempotencyKeyUseCase;
import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import io.strata.domain.shared.error.NotFoundException;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The web platform kernel against the full application: problem+json for every way a request can
 * fail, authentication, and Idempotency-Key.
 */
class WebPlatformTest extends IntegrationTest {
    @Inject
    ErrorRouteController errorRoute;

    @Inject
    Router router;

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of("strata.test.boom-controller", "true"); // a test-only endpoint that throws
    }

    private Map<String, Object> newUserBody(String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", username + "@example.test");
        body.put("username", username);
        body.put("password", Api.PASSWORD);
        return body;
    }

    @AfterAll
    void noResponseLeaksASecret() {
        for (Api.Response response : api().responses()) {
            assertThat(response.body())
                    .as(response.request())
                    .doesNotContain(
                            "$argon2", "\"passwordHash\":", "\"password_hash\":", "\"tokenHash\":", "\"token_hash\":");
        }
    }

    // ------------------------------------------------------------------ routing errors

    @Test
    void unknownRoutesAre404Problems() {
        Map<String, Object> outside = api().get("/no/such/thing").send().problem(404);
        assertThat(outside).containsEntry("instance", "/no/such/thing");
        api().get("/api/v1/no-such-resource").token(adminToken()).send().problem(404);
        api().get("/api/v1/no-such-resource").send().problem(401);
    }

    @Test
    void wrongMethodIs405AndWrongContentTypeIs415() {
        Map<String, Object> notAllowed = api().put("/api/v1/users")
                .token(adminToken())
                .json(Map.of())
                .send()
                .problem(405);
        assertThat((String) notAllowed.get("detail"))
                .contains("PUT")
                .contains("GET")
                .contains("POST");

        Map<String, Object> media =
                api().post("/api/v1/users").raw("email=a", "text/plain").send().problem(415);
        assertThat((String) media.get("detail")).contains("text/plain").contains("application/json");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutInternals() {
        for (String path : List.of("/test/boom", "/test/boom/error")) {
            Api.Response response = api().get(path).send();
            Map<String, Object> problem = response.problem(500);
            assertThat(problem.get("detail")).isEqualTo("An unexpected error occurred; it has been logged.");
            assertThat(response.body())
                    .doesNotContain(BoomTestController.SECRET)
                    .doesNotContain("IllegalState");
        }
    }

    /** A deadlock or serialization failure is a concurrent request's doing: a 409 to retry, not a 500. */
    @Test
    void aTransactionPostgresAbortedOverLocksIsAConflictToRetry() {
        Map<String, Object> problem = api().get("/test/boom/deadlock").send().problem(409);
        assertThat((String) problem.get("detail")).contains("retry the request");
        assertThat(PersistenceErrors.isOptimisticLockFailure(new jakarta.persistence.OptimisticLockException(
                        new java.sql.SQLException("ERROR: deadlock detected", "40P01"))))
                .as("a deadlock reported as an optimistic lock failure is no stale version")
                .isFalse();
    }

    @Test
    void everyExceptionGoesToTheErrorRouteAndOnToTheClosestHandler() {
        Map<Class<? extends Exception>, Class<?>> expected = Map.of(
                NotFoundException.class, RuleViolationHandlers.DomainExceptionHandler.class,
                PreconditionRequiredException.class, RuleViolationHandlers.PreconditionRequired.class,
                ConversionErrorException.class, RequestBindingHandlers.ConversionErrors.class,
                JsonSyntaxException.class, JsonBodyHandlers.JsonSyntax.class,
                HttpStatusException.class, HttpStatusHandler.class,
                IllegalStateException.class, UnexpectedErrorHandler.class);
        expected.forEach((exception, handler) -> assertThat(errorRoute.handlerFor(exception))
                .as(exception.getName())
                .contains(handler));

        // Micronaut consults the global error route before its own handler lookup, for a client that accepts JSON,
        // problem+json, anything, or says nothing
        for (String accept : List.of("application/json", "application/problem+json", "*/*")) {
            var request = HttpRequest.GET("/api/v1/users/" + UUID.randomUUID()).accept(accept);
            assertThat(router.findErrorRoute(new NotFoundException("user", "x"), request))
                    .as(accept)
                    .hasValueSatisfying(match ->
                            assertThat(match.getRouteInfo().getDeclaringType()).isEqualTo(ErrorRouteController.class));
        }
        assertThat(router.findErrorRoute(new NotFoundException("user", "x"), HttpRequest.GET("/x")))
                .isPresent();
        Map<String, Object> missing = api().get("/api/v1/users/" + UUID.randomUUID())
                .token(adminToken())
                .header("Accept", "application/json")
                .send()
                .problem(404);
        assertThat((String) missing.get("detail")).contains("not found");
    }

    // ------------------------------------------------------------------ bad bodies

    @Test
    void malformedJsonIs400() {
        for (String broken : List.of("{\"email\":", "{email: 1}", "not json", "{\"a\":1}}")) {
            Map<String, Object> problem = api().post("/api/v1/users")
                    .raw(broken, "application/json")
                    .send()
                    .problem(400);
            assertThat((String) problem.get("detail"))
                    .as(broken)
                    .containsAnyOf("Malformed JSON", "JSON object", "Unknown field");
        }
        Map<String, Object> problem = api().post("/api/v1/users")
                .raw("{\"email\":", "application/json")
                .send()
                .problem(400);
        assertThat((String) problem.get("detail")).startsWith("Malformed JSON");
    }

    @Test
    void aBodyThatDoesNotDecodeWithItsContentEncodingIs400() {
        for (String encoding : List.of("gzip", "deflate")) {
            for (String token : Arrays.asList(null, adminToken())) {
                var request = api().post("/api/v1/projects").header("Content-Encoding", encoding);
                if (token != null) {
                    request = request.token(token);
                }
                Map<String, Object> problem = request.raw("{\"name\":\"plain\"}", "application/json")
                        .send()
                        .problem(token == null ? 401 : 400);
                if (token != null && encoding.equals("gzip")) { // deflate's decoder may yield bytes: malformed JSON
                    assertThat((String) problem.get("detail")).contains("Content-Encoding");
                }
            }
        }
    }

    @Test
    void wrongJsonTypesAre400NamingTheField() {
        Map<String, Object> body = newUserBody(Api.unique("types"));
        body.put("tags", "not-an-array");
        Api.Response wrongTags = api().post("/api/v1/users").json(body).send();
        assertThat(wrongTags.errorFields(400)).containsExactly("tags");
        assertThat((String) wrongTags.json().get("detail")).isEqualTo("tags: has the wrong type; expected an array");

        body.put("tags", List.of());
        body.put("preferences", List.of(1, 2));
        assertThat(api().post("/api/v1/users").json(body).send().errorFields(400))
                .containsExactly("preferences");

        Map<String, Object> login = api().post("/api/v1/sessions")
                .json(Map.of("email", "a@b.c", "password", "x", "deviceInfo", "phone"))
                .send()
                .problem(400);
        assertThat((String) login.get("detail")).contains("deviceInfo").contains("JSON object");
    }

    @Test
    void unknownJsonFieldsAre400NamingTheAllowedFields() {
        Map<String, Object> body = newUserBody(Api.unique("unknown"));
        body.put("isAdmin", true);
        Api.Response response = api().post("/api/v1/users").json(body).send();
        assertThat(response.errorFields(400)).containsExactly("isAdmin");
        assertThat((String) response.json().get("detail"))
                .contains("Unknown field 'isAdmin'")
                .contains("allowed fields: email, firstName, lastName, password, preferences, role, tags, username");

        body.remove("isAdmin");
        body.put("passwordHash", "$argon2id$x");
        assertThat(api().post("/api/v1/users").json(body).send().errorFields(400))
                .containsExactly("passwordHash");
    }

    @Test
    void aBodyThatIsNotAnObjectOrIsMissingIs400() {
        api().post("/api/v1/users").raw("[1,2,3]", "application/json").send().problem(400);
        api().post("/api/v1/users").raw("\"text\"", "application/json").send().problem(400);
        Map<String, Object> missing =
                api().post("/api/v1/users").raw("", "application/json").send().problem(400);
        assertThat((String) missing.get("detail")).contains("body");
        api().post("/api/v1/sessions").send().problem(400);
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"email\":\"a@b.c\",\"firstName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Map<String, Object> problem =
                api().post("/api/v1/users").raw(huge, "application/json").send().problem(413);
        assertThat(problem.get("title")).isEqualTo("Request Entity Too Large");
    }

    // ------------------------------------------------------------------ bad parameters

    @Test
    void badUuidsInPathsAndQueriesAre400() {
        Api.Response response =
                api().get("/api/v1/users/not-a-uuid").token(adminToken()).send();
        assertThat(response.errorFields(400)).containsExactly("id");
        assertThat((String) response.json().get("detail")).contains("'not-a-uuid' is not a valid UUID");

        api().delete("/api/v1/sessions/123").token(adminToken()).send().problem(400);
        assertThat(api().get("/api/v1/users/batch?ids=" + UUID.randomUUID() + ",nope")
                        .token(adminToken())
                        .send()
                        .errorFields(400))
                .containsExactly("ids[1]");
        assertThat(api().get("/api/v1/users/tags?limit=many")
                        .token(adminToken())
                        .send()
                        .errorFields(400))
                .containsExactly("limit");
    }

    @Test
    void listParametersOutsideTheAllowListAre400NamingWhatIsAllowed() {
        for (String limit : List.of("0", "201", "-5", "abc")) {
            assertThat(api().get("/api/v1/users?limit=" + limit)
                            .token(adminToken())
                            .send()
                            .errorFields(400))
                    .as(limit)
                    .containsExactly("limit");
        }
        Api.Response unknownField =
                api().get("/api/v1/users?passwordHash=eq.x").token(adminToken()).send();
        assertThat(unknownField.errorFields(400)).containsExactly("passwordHash");
        assertThat((String) unknownField.json().get("detail")).contains("allowed: createdAt, email, emailVerified");

        Api.Response badOperator =
                api().get("/api/v1/users?status=gt.ACTIVE").token(adminToken()).send();
        assertThat(badOperator.errorFields(400)).containsExactly("status");
        assertThat((String) badOperator.json().get("detail")).contains("operators for status: eq, neq, in");

        api().get("/api/v1/users?status=eq.SLEEPING").token(adminToken()).send().problem(400);
        api().get("/api/v1/users?createdAt=gte.yesterday")
                .token(adminToken())
                .send()
                .problem(400);

        Api.Response badSort = api().get("/api/v1/users?sort=-passwordHash")
                .token(adminToken())
                .send();
        assertThat(badSort.errorFields(400)).containsExactly("sort");
        assertThat((String) badSort.json().get("detail")).contains("allowed: createdAt, email, lastLoginAt, username");

        assertThat(api().get("/api/v1/users?limit=0&sort=nope&count=all&bogus=eq.1")
                        .token(adminToken())
                        .send()
                        .errorFields(400))
                .containsExactlyInAnyOrder("limit", "sort", "count", "bogus");
        api().get("/api/v1/users?page=2&cursor=abc").token(adminToken()).send().problem(400);
        // numbers in ASCII only: "١٠" (Arabic-Indic digits) is 10 to Integer.parseInt, not to this API
        assertThat(api().get("/api/v1/users?limit=%D9%A1%D9%A0")
                        .token(adminToken())
                        .send()
                        .errorFields(400))
                .containsExactly("limit");
    }

    // ------------------------------------------------------------------ authentication

    @Test
    void protectedRoutesNeedAValidBearerToken() {
        Api.Response anonymous = api().get("/api/v1/users/me").send();
        anonymous.problem(401);
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer realm=\"strata\"");

        for (String header : List.of("Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "Bearer a b", "Token abc")) {
            api().get("/api/v1/users/me").header("Authorization", header).send().problem(401);
        }
        Api.Response invalid =
                api().get("/api/v1/users/me").token("x".repeat(43)).send();
        invalid.problem(401);
        assertThat(invalid.header("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));

        // a token sent to a public endpoint is still checked
        api().post("/api/v1/users")
                .token("x".repeat(43))
                .json(newUserBody(Api.unique("pub")))
                .send()
                .problem(401);
    }

    @Test
    void publicRoutesAnswerWithoutAToken() {
        api().get("/health").send().expect(200);
        Api.Response openApi = api().get("/openapi.yml").send().expect(200);
        assertThat(openApi.body())
                .contains("title: Strata API")
                .contains("bearerAuth")
                .contains("/api/v1/users/{id}")
                .contains("/api/v1/sessions");
        api().post("/api/v1/users")
                .json(newUserBody(Api.unique("public")))
                .send()
                .expect(201);
    }

    // ------------------------------------------------------------------ idempotency

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newUserBody(Api.unique("idem"));
        Api.Response first = api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(201);
        Api.Response second = api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(201);

        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("Location"))
                .isEqualTo(first.header("Location"))
                .isPresent();
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag")).isPresent();
        assertThat(second.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(second.header("Idempotency-Replayed")).hasValue("true");
        assertThat(first.header("Idempotency-Replayed")).isEmpty();

        List<Map<String, Object>> found = api().get("/api/v1/users?username=eq." + body.get("username"))
                .token(adminToken())
                .send()
                .expect(200)
                .items();
        assertThat(found).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflict() {
        String key = UUID.randomUUID().toString();
        api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(newUserBody(Api.unique("k1")))
                .send()
                .expect(201);
        Map<String, Object> problem = api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(newUserBody(Api.unique("k2")))
                .send()
                .problem(409);
        assertThat((String) problem.get("detail")).contains("different request");
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> anonymousBody = newUserBody(Api.unique("scope-a"));
        api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(anonymousBody)
                .send()
                .expect(201);
        // the admin's scope is another one: the same key with another body creates another user
        Api.Response asAdmin = api().post("/api/v1/users")
                .token(adminToken())
                .header("Idempotency-Key", key)
                .json(newUserBody(Api.unique("scope-b")))
                .send()
                .expect(201);
        assertThat(asAdmin.header("Idempotency-Replayed")).isEmpty();
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = newUserBody(Api.unique("release"));
        body.put("password", "short");
        api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .problem(400);
        body.put("password", Api.PASSWORD);
        Api.Response retry = api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(201);
        assertThat(retry.header("Idempotency-Replayed")).isEmpty();
    }

    @Test
    void aKeyStillInProgressIsAConflict() throws Exception {
        String key = UUID.randomUUID().toString();
        String json = api().toJson(newUserBody(Api.unique("progress")));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("POST /api/v1/users\n".getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(sha.digest(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(bean(ClaimIdempotencyKeyUseCase.class)
                        .claim(new ClaimIdempotencyKeyUseCase.Command("anonymous /api/v1/users", key, hash)))
                .isEmpty();

        Map<String, Object> problem = api().post("/api/v1/users")
                .header("Idempotency-Key", key)
                .raw(json, "application/json")
                .send()
                .problem(409);
        assertThat((String) problem.get("detail")).contains("request with this key is still in progress");
    }

    @Test
    void invalidKeysAre400() {
        for (String key : List.of("x".repeat(256), "has space", "")) {
            Api.Response response = api().post("/api/v1/users")
                    .header("Idempotency-Key", key)
                    .json(newUserBody(Api.unique("badkey")))
                    .send();
            assertThat(response.errorFields(400)).as(key).containsExactly("Idempotency-Key");
        }
    }

    @Test
    void loginsAreNeverReplayedBecauseTheyCarryATokenSecret() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> credentials = Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD);
        String first = (String) api().post("/api/v1/sessions")
                .header("Idempotency-Key", key)
                .json(credentials)
                .send()
                .expect(201)
                .json()
                .get("token");
        Api.Response second = api().post("/api/v1/sessions")
                .header("Idempotency-Key", key)
                .json(credentials)
                .send()
                .expect(201);
        assertThat(second.json().get("token")).isNotEqualTo(first);
        assertThat(second.header("Idempotency-Replayed")).isEmpty();
        assertThat(second.header("Cache-Control")).hasValue("no-store");
    }
}
