package io.strata.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every identity endpoint over HTTP against the full application and a real PostgreSQL: success
 * paths and their 400/401/403/404/409/412/428/429 cases, concurrency, and statement counts.
 */
class IdentityApiTest extends IntegrationTest {
    private static final String PATCH = "application/merge-patch+json";

    private String adminId;
    private final List<String> issuedTokens = new ArrayList<>();

    private String admin() {
        if (adminId == null) {
            adminId = (String) api().get("/api/v1/users/me")
                    .token(adminToken())
                    .send()
                    .expect(200)
                    .json()
                    .get("id");
        }
        return adminToken();
    }

    private TestUser user(String prefix, String role) {
        TestUser user = api().newUser(admin(), prefix, role);
        issuedTokens.add(user.token());
        return user;
    }

    private static String users(String id) {
        return "/api/v1/users/" + id;
    }

    @AfterAll
    void noResponseLeaksAPasswordHashOrAnotherResponsesToken() {
        for (Api.Response response : api().responses()) {
            assertThat(response.body())
                    .as(response.request())
                    .doesNotContain(
                            "$argon2", "\"passwordHash\":", "\"password_hash\":", "\"tokenHash\":", "\"token_hash\":");
            if (!response.request().equals("POST /api/v1/sessions")) {
                for (String token : issuedTokens) {
                    assertThat(response.body()).as(response.request()).doesNotContain(token);
                }
            }
        }
    }

    // ================================================================== registration

    @Test
    void signUpCreatesAUserWithLocationAndETag() {
        String name = Api.unique("ada");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", name.toUpperCase() + "@Example.TEST");
        body.put("username", name);
        body.put("password", Api.PASSWORD);
        body.put("firstName", "Ada");
        body.put("lastName", "Lovelace");
        body.put("tags", List.of("math", "beta"));
        body.put("preferences", Map.of("theme", "dark"));
        Api.Response response = api().post("/api/v1/users").json(body).send().expect(201);

        Map<String, Object> user = response.json();
        assertThat(user)
                .containsOnlyKeys(
                        "id",
                        "email",
                        "username",
                        "firstName",
                        "lastName",
                        "fullName",
                        "role",
                        "status",
                        "emailVerified",
                        "emailVerifiedAt",
                        "passwordChangedAt",
                        "lastLoginAt",
                        "loginCount",
                        "tags",
                        "preferences",
                        "version",
                        "createdAt",
                        "updatedAt");
        assertThat(user)
                .containsEntry("email", name + "@example.test")
                .containsEntry("username", name)
                .containsEntry("fullName", "Ada Lovelace")
                .containsEntry("role", "USER")
                .containsEntry("status", "ACTIVE")
                .containsEntry("emailVerified", false)
                .containsEntry("emailVerifiedAt", null)
                .containsEntry("lastLoginAt", null)
                .containsEntry("loginCount", 0)
                .containsEntry("tags", List.of("beta", "math"))
                .containsEntry("preferences", Map.of("theme", "dark"))
                .containsEntry("version", 0);
        assertThat(Instant.parse((String) user.get("createdAt"))).isNotNull();
        assertThat((String) user.get("createdAt")).endsWith("Z");
        assertThat(response.header("Location")).hasValue("/api/v1/users/" + user.get("id"));
        assertThat(response.etag()).isEqualTo("\"0\"");
        assertThat(response.body()).doesNotContain(Api.PASSWORD);
    }

    @Test
    void signUpValidatesEveryFieldAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "not-an-email");
        body.put("username", "A!");
        body.put("password", "short");
        assertThat(api().post("/api/v1/users").json(body).send().errorFields(400))
                .contains("email", "username", "password");
        assertThat(api().post("/api/v1/users").json(Map.of()).send().errorFields(400))
                .contains("email", "username", "password");
    }

    @Test
    void takenEmailsAndUsernamesAreConflicts() {
        Map<String, Object> existing = api().register(null, Api.unique("dup"), null);
        String other = Api.unique("other");
        api().post("/api/v1/users")
                .json(Map.of("email", existing.get("email"), "username", other, "password", Api.PASSWORD))
                .send()
                .problem(409);
        api().post("/api/v1/users")
                .json(Map.of(
                        "email",
                        other + "@example.test",
                        "username",
                        existing.get("username"),
                        "password",
                        Api.PASSWORD))
                .send()
                .problem(409);
    }

    @Test
    void onlyAnAdminRegistersOtherRoles() {
        String name = Api.unique("boss");
        Map<String, Object> body =
                Map.of("email", name + "@example.test", "username", name, "password", Api.PASSWORD, "role", "ADMIN");
        api().post("/api/v1/users").json(body).send().problem(403);
        TestUser plain = user("plain", null);
        api().post("/api/v1/users").token(plain.token()).json(body).send().problem(403);
        assertThat(api().post("/api/v1/users")
                        .token(admin())
                        .json(body)
                        .send()
                        .expect(201)
                        .json())
                .containsEntry("role", "ADMIN");
        assertThat(api().post("/api/v1/users")
                        .json(Map.of(
                                "email",
                                "x@example.test",
                                "username",
                                Api.unique("r"),
                                "password",
                                Api.PASSWORD,
                                "role",
                                "EMPEROR"))
                        .send()
                        .errorFields(400))
                .containsExactly("role");
    }

    // ================================================================== reading

    @Test
    void meAndGetReturnTheUserWithETagAndOptionalProfile() {
        TestUser ada = user("me", null);
        Api.Response me =
                api().get("/api/v1/users/me").token(ada.token()).send().expect(200);
        assertThat(me.json()).containsEntry("id", ada.id()).containsEntry("loginCount", 1);
        assertThat(me.json().get("lastLoginAt")).isNotNull();
        assertThat(me.etag()).isEqualTo("\"" + me.json().get("version") + "\"");

        Api.Response get = api().get(users(ada.id())).token(ada.token()).send().expect(200);
        assertThat(get.json()).isEqualTo(me.json());

        Map<String, Object> withProfile = api().get(users(ada.id()) + "?include=profile")
                .token(ada.token())
                .send()
                .expect(200)
                .json();
        assertThat(withProfile)
                .containsEntry("id", ada.id())
                .containsEntry("profile", null)
                .containsKey("email");
        api().put(users(ada.id()) + "/profile")
                .token(ada.token())
                .json(Map.of("bio", "hello"))
                .send()
                .expect(201);
        Api.Response embedded = api().get("/api/v1/users/me?include=profile")
                .token(ada.token())
                .send()
                .expect(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) embedded.json().get("profile");
        assertThat(profile).containsEntry("bio", "hello").containsEntry("userId", ada.id());
        assertThat(embedded.etag()).isEqualTo(me.etag());

        assertThat(api().get("/api/v1/users/me?include=sessions")
                        .token(ada.token())
                        .send()
                        .errorFields(400))
                .containsExactly("include");
    }

    @Test
    void usersSeeOnlyThemselvesWhileManagersAndAdminsSeeEveryone() {
        TestUser ada = user("see-a", null);
        TestUser bob = user("see-b", null);
        TestUser manager = user("see-m", "MANAGER");
        api().get(users(bob.id())).token(ada.token()).send().notFound();
        api().get(users(bob.id()) + "/profile").token(ada.token()).send().notFound();
        api().get(users(bob.id())).token(manager.token()).send().expect(200);
        api().get(users(bob.id())).token(admin()).send().expect(200);
        api().get(users(UUID.randomUUID().toString())).token(admin()).send().notFound();
        api().get(users(bob.id())).send().problem(401);
    }

    // ================================================================== search

    @Test
    void searchIsForManagersAndAdminsAndFiltersSortsAndPages() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            String name = "srch" + i + "-" + tag;
            body.put("email", name + "@example.test");
            body.put("username", name);
            body.put("password", Api.PASSWORD);
            body.put("tags", List.of(tag));
            ids.add((String) api().post("/api/v1/users")
                    .json(body)
                    .send()
                    .expect(201)
                    .json()
                    .get("id"));
        }
        TestUser plain = user("srch-plain", null);
        api().get("/api/v1/users").token(plain.token()).send().problem(403);
        api().get("/api/v1/users").send().problem(401);
        TestUser manager = user("srch-mgr", "MANAGER");

        Map<String, Object> all = api().get("/api/v1/users?tags=cs." + tag + "&sort=username&count=exact")
                .token(manager.token())
                .send()
                .expect(200)
                .json();
        assertThat(all).containsOnlyKeys("items", "page");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) all.get("items");
        assertThat(items)
                .extracting(u -> u.get("username"))
                .containsExactly("srch0-" + tag, "srch1-" + tag, "srch2-" + tag, "srch3-" + tag, "srch4-" + tag);
        assertThat(all.get("page")).isEqualTo(pageInfo(50, null, 5));

        // keyset paging walks every match exactly once
        List<Object> walked = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api().get("/api/v1/users?tags=cs." + tag + "&sort=-username&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(admin())
                    .send()
                    .expect(200);
            page.items().forEach(u -> walked.add(u.get("username")));
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) page.json().get("page");
            assertThat(info).containsEntry("limit", 2).containsEntry("total", null);
            cursor = (String) info.get("nextCursor");
        } while (cursor != null && walked.size() < 10);
        assertThat(walked)
                .containsExactly("srch4-" + tag, "srch3-" + tag, "srch2-" + tag, "srch1-" + tag, "srch0-" + tag);

        // offset paging
        assertThat(api().get("/api/v1/users?tags=cs." + tag + "&sort=username&page=2&size=2")
                        .token(admin())
                        .send()
                        .expect(200)
                        .items())
                .extracting(u -> u.get("username"))
                .containsExactly("srch2-" + tag, "srch3-" + tag);

        // filters and free text
        assertThat(api().get("/api/v1/users?username=eq.srch3-" + tag)
                        .token(admin())
                        .send()
                        .expect(200)
                        .items())
                .extracting(u -> u.get("id"))
                .containsExactly(ids.get(3));
        assertThat(api().get("/api/v1/users?q=srch1-" + tag)
                        .token(admin())
                        .send()
                        .expect(200)
                        .items())
                .extracting(u -> u.get("id"))
                .containsExactly(ids.get(1));
        assertThat(api().get("/api/v1/users?tags=cs." + tag + "&role=eq.MANAGER")
                        .token(admin())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
        assertThat(api().get("/api/v1/users?tags=cs." + tag + "&createdAt=lt.2000-01-01T00:00:00Z")
                        .token(admin())
                        .send()
                        .expect(200)
                        .items())
                .isEmpty();
    }

    private static Map<String, Object> pageInfo(int limit, String nextCursor, Integer total) {
        Map<String, Object> info = new HashMap<>();
        info.put("limit", limit);
        info.put("nextCursor", nextCursor);
        info.put("total", total);
        return info;
    }

    @Test
    void listingOneOrAHundredUsersCostsTheSameStatements() {
        String tag = "n1-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 100; i++) {
            String name = "np" + i + "-" + tag;
            api().post("/api/v1/users")
                    .token(admin())
                    .json(Map.of(
                            "email",
                            name + "@example.test",
                            "username",
                            name,
                            "password",
                            Api.PASSWORD,
                            "tags",
                            List.of(tag, "x" + i)))
                    .send()
                    .expect(201);
        }
        String one = "/api/v1/users?tags=cs." + tag + "&limit=1";
        String hundred = "/api/v1/users?tags=cs." + tag + "&limit=100";
        api().get(one).token(admin()).send().expect(200); // warm up (session lastSeenAt, caches)

        long forOne = sql().countDuring(() -> assertThat(
                        api().get(one).token(admin()).send().expect(200).items())
                .hasSize(1));
        long forHundred = sql().countDuring(() -> assertThat(
                        api().get(hundred).token(admin()).send().expect(200).items())
                .hasSize(100));
        assertThat(forHundred).as("statements for 100 users vs 1").isEqualTo(forOne);
        assertThat(forOne).isLessThanOrEqualTo(4);

        long batch = sql().countDuring(() -> api().get("/api/v1/users/batch?ids=" + adminId)
                .token(admin())
                .send()
                .expect(200));
        assertThat(batch).isLessThanOrEqualTo(4);
    }

    // ================================================================== merge patch

    @Test
    void usersPatchTheirOwnNamesTagsAndPreferencesWithIfMatch() {
        TestUser ada = user("patch", null);
        Api.Response before =
                api().get("/api/v1/users/me").token(ada.token()).send().expect(200);

        Map<String, Object> patch = new HashMap<>();
        patch.put("firstName", "Ada");
        patch.put("lastName", "Byron");
        patch.put("tags", List.of("x", "y"));
        patch.put("preferences", Map.of("theme", "dark", "lang", "en"));
        Api.Response patched = api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(before.etag())
                .raw(api().toJson(patch), PATCH)
                .send()
                .expect(200);
        assertThat(patched.json())
                .containsEntry("firstName", "Ada")
                .containsEntry("fullName", "Ada Byron")
                .containsEntry("tags", List.of("x", "y"))
                .containsEntry("preferences", Map.of("theme", "dark", "lang", "en"));
        long version = ((Number) patched.json().get("version")).longValue();
        assertThat(patched.etag()).isEqualTo("\"" + version + "\"").isNotEqualTo(before.etag());

        // null clears, absent keeps, nested preferences merge (null removes a key); application/json works too
        String second = "{\"lastName\":null,\"preferences\":{\"lang\":null,\"size\":12}}";
        Map<String, Object> after = api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(patched.etag())
                .raw(second, "application/json")
                .send()
                .expect(200)
                .json();
        assertThat(after)
                .containsEntry("firstName", "Ada")
                .containsEntry("lastName", null)
                .containsEntry("preferences", Map.of("theme", "dark", "size", 12))
                .containsEntry("tags", List.of("x", "y"));
    }

    @Test
    void patchNeedsACurrentWellFormedIfMatch() {
        TestUser ada = user("ifm", null);
        String etag = api().get("/api/v1/users/me")
                .token(ada.token())
                .send()
                .expect(200)
                .etag();
        String body = "{\"firstName\":\"A\"}";

        Map<String, Object> missing = api().patch(users(ada.id()))
                .token(ada.token())
                .raw(body, PATCH)
                .send()
                .problem(428);
        assertThat((String) missing.get("detail")).contains("If-Match");
        for (String bad : List.of("*", "W/" + etag, "\"abc\"", "\"1\", \"2\"")) {
            assertThat(api().patch(users(ada.id()))
                            .token(ada.token())
                            .ifMatch(bad)
                            .raw(body, PATCH)
                            .send()
                            .errorFields(400))
                    .as(bad)
                    .containsExactly("If-Match");
        }
        api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(etag)
                .raw(body, PATCH)
                .send()
                .expect(200);
        Api.Response stale = api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(etag)
                .raw(body, PATCH)
                .send();
        stale.problem(412);
        assertThat(stale.etag()).isNotEqualTo(etag);
    }

    @Test
    void patchRejectsFieldsOutsideTheAllowListAndWrongTypes() {
        TestUser ada = user("mass", null);
        String etag = api().get("/api/v1/users/me").token(ada.token()).send().etag();
        for (String field : List.of("email", "id", "version", "createdAt", "passwordHash", "loginCount")) {
            Api.Response response = api().patch(users(ada.id()))
                    .token(ada.token())
                    .ifMatch(etag)
                    .raw("{\"" + field + "\":\"x\"}", PATCH)
                    .send();
            assertThat(response.errorFields(400)).containsExactly(field);
            assertThat((String) response.json().get("detail"))
                    .contains("patchable fields: firstName, lastName, preferences, role, status, tags");
        }
        assertThat(api().patch(users(ada.id()))
                        .token(ada.token())
                        .ifMatch(etag)
                        .raw("{\"firstName\":1,\"tags\":\"x\",\"status\":\"ASLEEP\"}", PATCH)
                        .send()
                        .errorFields(400))
                .containsExactlyInAnyOrder("firstName", "tags", "status");
        api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(etag)
                .raw("[1]", PATCH)
                .send()
                .problem(400);
        api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(etag)
                .raw("{\"firstName\":", PATCH)
                .send()
                .problem(400);
        api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(etag)
                .raw("firstName=x", "text/plain")
                .send()
                .problem(415);
    }

    @Test
    void roleAndStatusArePatchedByAdminsOnly() {
        TestUser ada = user("role", null);
        TestUser bob = user("role-b", null);
        TestUser manager = user("role-m", "MANAGER");
        String etag = api().get("/api/v1/users/me").token(ada.token()).send().etag();
        api().patch(users(ada.id()))
                .token(ada.token())
                .ifMatch(etag)
                .raw("{\"role\":\"ADMIN\"}", PATCH)
                .send()
                .problem(403);
        api().patch(users(bob.id()))
                .token(ada.token())
                .ifMatch("\"1\"")
                .raw("{\"firstName\":\"x\"}", PATCH)
                .send()
                .notFound();
        api().patch(users(bob.id()))
                .token(manager.token())
                .ifMatch("\"1\"")
                .raw("{\"firstName\":\"x\"}", PATCH)
                .send()
                .problem(403);
        Map<String, Object> promoted = api().patch(users(ada.id()))
                .token(admin())
                .ifMatch(etag)
                .raw("{\"role\":\"manager\"}", PATCH)
                .send()
                .expect(200)
                .json();
        assertThat(promoted).containsEntry("role", "MANAGER");
        api().get("/api/v1/users").token(ada.token()).send().expect(200);
    }

    @Test
    void ofTwentyConcurrentPatchesWithTheSameIfMatchExactlyOneWins() throws Exception {
        TestUser ada = user("race", null);
        String etag = api().get("/api/v1/users/me").token(ada.token()).send().etag();
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String body = "{\"firstName\":\"Client " + i + "\"}";
                results.add(pool.submit(() -> {
                    start.await();
                    return api().patch(users(ada.id()))
                            .token(ada.token())
                            .ifMatch(etag)
                            .raw(body, PATCH)
                            .send()
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(clients - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(api().get("/api/v1/users/me")
                        .token(ada.token())
                        .send()
                        .json()
                        .get("version"))
                .isEqualTo(Integer.parseInt(etag.replace("\"", "")) + 1);
    }

    // ================================================================== delete, status, verification

    @Test
    void adminsDeleteUsersWithIfMatch() {
        TestUser victim = user("del", null);
        TestUser manager = user("del-m", "MANAGER");
        String etag = api().get(users(victim.id())).token(admin()).send().etag();
        api().delete(users(victim.id()))
                .token(victim.token())
                .ifMatch(etag)
                .send()
                .problem(403);
        api().delete(users(victim.id()))
                .token(manager.token())
                .ifMatch(etag)
                .send()
                .problem(403);
        api().delete(users(victim.id())).token(admin()).send().problem(428);
        api().delete(users(victim.id())).token(admin()).ifMatch("\"99\"").send().problem(412);
        api().delete(users(victim.id())).token(admin()).ifMatch(etag).send().expect(204);
        api().get(users(victim.id())).token(admin()).send().notFound();
        api().get("/api/v1/users/me").token(victim.token()).send().problem(401);
        api().delete(users(victim.id())).token(admin()).ifMatch(etag).send().notFound();
        api().delete(users(adminId)).token(admin()).ifMatch("\"0\"").send().problem(409);
    }

    @Test
    void adminsDeactivateAndActivateUsers() {
        TestUser ada = user("status", null);
        api().post(users(ada.id()) + "/deactivate").token(ada.token()).send().problem(403);
        Api.Response deactivated = api().post(users(ada.id()) + "/deactivate")
                .token(admin())
                .send()
                .expect(200);
        assertThat(deactivated.json()).containsEntry("status", "INACTIVE");
        assertThat(deactivated.etag()).isEqualTo("\"" + deactivated.json().get("version") + "\"");
        api().get("/api/v1/users/me").token(ada.token()).send().problem(401);
        Map<String, Object> login = api().post("/api/v1/sessions")
                .json(Map.of("email", ada.email(), "password", Api.PASSWORD))
                .send()
                .problem(401);
        assertThat(login.get("detail")).isEqualTo("invalid email or password");

        assertThat(api().post(users(ada.id()) + "/activate")
                        .token(admin())
                        .send()
                        .expect(200)
                        .json())
                .containsEntry("status", "ACTIVE");
        issuedTokens.add(api().login(ada.email(), Api.PASSWORD));
        api().post(users(UUID.randomUUID().toString()) + "/activate")
                .token(admin())
                .send()
                .notFound();
        api().post(users(adminId) + "/deactivate").token(admin()).send().problem(409);
    }

    @Test
    void adminsVerifyEmailsOnce() {
        TestUser ada = user("verify", null);
        api().post(users(ada.id()) + "/email-verification")
                .token(ada.token())
                .send()
                .problem(403);
        Map<String, Object> verified = api().post(users(ada.id()) + "/email-verification")
                .token(admin())
                .send()
                .expect(200)
                .json();
        assertThat(verified).containsEntry("emailVerified", true);
        assertThat(verified.get("emailVerifiedAt")).isNotNull();
        api().post(users(ada.id()) + "/email-verification")
                .token(admin())
                .send()
                .problem(409);
    }

    // ================================================================== profile

    @Test
    void profilesAreCreatedThenReplacedWithIfMatch() {
        TestUser ada = user("prof", null);
        String path = users(ada.id()) + "/profile";
        api().get(path).token(ada.token()).send().notFound();

        Api.Response created = api().put(path)
                .token(ada.token())
                .json(Map.of("bio", "Hi", "avatarUrl", "https://example.com/a.png", "preferences", Map.of("a", 1)))
                .send()
                .expect(201);
        assertThat(created.header("Location")).hasValue(path);
        assertThat(created.json())
                .containsEntry("bio", "Hi")
                .containsEntry("userId", ada.id())
                .containsEntry("version", 0);
        assertThat(created.etag()).isEqualTo("\"0\"");

        api().put(path).token(ada.token()).json(Map.of("bio", "again")).send().problem(428);
        api().put(path)
                .token(ada.token())
                .ifMatch("\"7\"")
                .json(Map.of("bio", "again"))
                .send()
                .problem(412);
        Api.Response replaced = api().put(path)
                .token(ada.token())
                .ifMatch(created.etag())
                .json(Map.of("bio", "Hello"))
                .send()
                .expect(200);
        assertThat(replaced.json()).containsEntry("bio", "Hello").containsEntry("avatarUrl", null);
        assertThat(replaced.etag()).isEqualTo("\"1\"");
        assertThat(api().get(path).token(ada.token()).send().expect(200).json()).containsEntry("bio", "Hello");

        assertThat(api().put(path)
                        .token(ada.token())
                        .ifMatch(replaced.etag())
                        .json(Map.of("avatarUrl", "javascript:alert(1)"))
                        .send()
                        .errorFields(400))
                .containsExactly("avatarUrl");
        assertThat(api().put(path)
                        .token(ada.token())
                        .ifMatch(replaced.etag())
                        .json(Map.of("nickname", "x"))
                        .send()
                        .errorFields(400))
                .containsExactly("nickname");
    }

    @Test
    void profilesOfOthersAreInvisibleOrForbidden() {
        TestUser ada = user("prof-a", null);
        TestUser bob = user("prof-b", null);
        TestUser manager = user("prof-m", "MANAGER");
        String path = users(bob.id()) + "/profile";
        api().put(path).token(ada.token()).json(Map.of("bio", "x")).send().notFound();
        api().put(path).token(manager.token()).json(Map.of("bio", "x")).send().problem(403);
        api().put(path).token(admin()).json(Map.of("bio", "by admin")).send().expect(201);
        assertThat(api().get(path).token(manager.token()).send().expect(200).json())
                .containsEntry("bio", "by admin");
    }

    // ================================================================== password

    @Test
    void changingThePasswordChecksTheCurrentOneAndRevokesOtherSessions() {
        TestUser ada = user("pw", null);
        String otherSession = api().login(ada.email(), Api.PASSWORD);
        issuedTokens.add(otherSession);

        assertThat(api().post("/api/v1/users/me/password")
                        .token(ada.token())
                        .json(Map.of("currentPassword", "wrong-password", "newPassword", "new-password-1"))
                        .send()
                        .errorFields(400))
                .containsExactly("currentPassword");
        assertThat(api().post("/api/v1/users/me/password")
                        .token(ada.token())
                        .json(Map.of("currentPassword", Api.PASSWORD, "newPassword", "short"))
                        .send()
                        .errorFields(400))
                .containsExactly("newPassword");
        assertThat(api().post("/api/v1/users/me/password")
                        .token(ada.token())
                        .json(Map.of("newPassword", "x"))
                        .send()
                        .errorFields(400))
                .containsExactly("currentPassword");
        api().post("/api/v1/users/me/password")
                .json(Map.of("currentPassword", "a", "newPassword", "b"))
                .send()
                .problem(401);

        api().post("/api/v1/users/me/password")
                .token(ada.token())
                .json(Map.of("currentPassword", Api.PASSWORD, "newPassword", "new-password-1"))
                .send()
                .expect(204);
        api().get("/api/v1/users/me").token(ada.token()).send().expect(200);
        api().get("/api/v1/users/me").token(otherSession).send().problem(401);
        api().post("/api/v1/sessions")
                .json(Map.of("email", ada.email(), "password", Api.PASSWORD))
                .send()
                .problem(401);
        issuedTokens.add(api().login(ada.email(), "new-password-1"));
    }

    // ================================================================== tags, stats, bulk, batch

    @Test
    void tagCountsAndStatisticsAreForManagersAndAdmins() {
        String tag = "tc-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            String name = Api.unique("tc" + i);
            api().post("/api/v1/users")
                    .json(Map.of(
                            "email",
                            name + "@example.test",
                            "username",
                            name,
                            "password",
                            Api.PASSWORD,
                            "tags",
                            List.of(tag)))
                    .send()
                    .expect(201);
        }
        TestUser plain = user("tc-plain", null);
        TestUser manager = user("tc-mgr", "MANAGER");
        api().get("/api/v1/users/tags").token(plain.token()).send().problem(403);
        api().get("/api/v1/users/stats").token(plain.token()).send().problem(403);

        List<Map<String, Object>> tags = api().get("/api/v1/users/tags?limit=1000")
                .token(manager.token())
                .send()
                .expect(200)
                .items();
        assertThat(tags).contains(Map.of("tag", tag, "count", 3));
        assertThat(api().get("/api/v1/users/tags?limit=1")
                        .token(manager.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(1);
        assertThat(api().get("/api/v1/users/tags?limit=0")
                        .token(manager.token())
                        .send()
                        .errorFields(400))
                .containsExactly("limit");

        Map<String, Object> stats = api().get("/api/v1/users/stats")
                .token(admin())
                .send()
                .expect(200)
                .json();
        assertThat(stats)
                .containsOnlyKeys("total", "active", "inactive", "byRole", "uniqueTags", "averageAccountAgeDays");
        assertThat(((Number) stats.get("total")).longValue()).isGreaterThanOrEqualTo(6);
        assertThat(((Number) stats.get("uniqueTags")).longValue()).isGreaterThanOrEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> byRole = (Map<String, Object>) stats.get("byRole");
        assertThat(((Number) byRole.get("ADMIN")).longValue()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void adminsBulkUpdateManyUsers() {
        TestUser a = user("bulk-a", null);
        TestUser b = user("bulk-b", null);
        Map<String, Object> change =
                Map.of("ids", List.of(a.id(), b.id()), "addTags", List.of("bulk"), "role", "GUEST");
        api().post("/api/v1/users/bulk-update")
                .token(a.token())
                .json(change)
                .send()
                .problem(403);
        assertThat(api().post("/api/v1/users/bulk-update")
                        .token(admin())
                        .json(change)
                        .send()
                        .expect(200)
                        .json())
                .isEqualTo(Map.of("affected", 2));
        assertThat(api().get(users(a.id())).token(admin()).send().json())
                .containsEntry("role", "GUEST")
                .containsEntry("tags", List.of("bulk"));

        api().post("/api/v1/users/bulk-update")
                .token(admin())
                .json(Map.of("ids", List.of(a.id())))
                .send()
                .problem(400);
        assertThat(api().post("/api/v1/users/bulk-update")
                        .token(admin())
                        .json(Map.of("ids", List.of(a.id(), "nope"), "status", "INACTIVE"))
                        .send()
                        .errorFields(400))
                .containsExactly("ids[1]");
        assertThat(api().post("/api/v1/users/bulk-update")
                        .token(admin())
                        .json(Map.of("status", "INACTIVE"))
                        .send()
                        .errorFields(400))
                .containsExactly("ids");
        assertThat(api().post("/api/v1/users/bulk-update")
                        .token(admin())
                        .json(Map.of("ids", List.of(a.id()), "status", "GONE"))
                        .send()
                        .errorFields(400))
                .containsExactly("status");
        assertThat(api().post("/api/v1/users/bulk-update")
                        .token(admin())
                        .json(Map.of("ids", List.of(a.id()), "everything", true))
                        .send()
                        .errorFields(400))
                .containsExactly("everything");
        api().post("/api/v1/users/bulk-update")
                .token(admin())
                .json(Map.of("ids", List.of(adminId), "status", "INACTIVE"))
                .send()
                .problem(409);
    }

    @Test
    void batchGetReturnsUsersWithProfiles() {
        TestUser a = user("batch-a", null);
        TestUser b = user("batch-b", null);
        api().put(users(a.id()) + "/profile")
                .token(a.token())
                .json(Map.of("bio", "A"))
                .send()
                .expect(201);
        List<Map<String, Object>> found = api().get(
                        "/api/v1/users/batch?ids=" + a.id() + "," + b.id() + "," + UUID.randomUUID())
                .token(admin())
                .send()
                .expect(200)
                .items();
        assertThat(found).extracting(u -> u.get("id")).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(found)
                .filteredOn(u -> u.get("id").equals(a.id()))
                .singleElement()
                .satisfies(u -> assertThat(u.get("profile"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("bio", "A"));
        assertThat(found)
                .filteredOn(u -> u.get("id").equals(b.id()))
                .singleElement()
                .satisfies(u -> assertThat(u.get("profile")).isNull());

        // a USER sees only themselves
        assertThat(api().get("/api/v1/users/batch?ids=" + a.id() + "," + b.id())
                        .token(a.token())
                        .send()
                        .expect(200)
                        .items())
                .extracting(u -> u.get("id"))
                .containsExactly(a.id());

        assertThat(api().get("/api/v1/users/batch").token(admin()).send().errorFields(400))
                .containsExactly("ids");
        StringBuilder many = new StringBuilder(a.id());
        for (int i = 1; i < 200; i++) {
            many.append(',').append(UUID.randomUUID());
        }
        assertThat(api().get("/api/v1/users/batch?ids=" + many)
                        .token(admin())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(1);
        assertThat(api().get("/api/v1/users/batch?ids=" + many + "," + UUID.randomUUID())
                        .token(admin())
                        .send()
                        .errorFields(400))
                .containsExactly("ids");
    }

    // ================================================================== sessions

    @Test
    void loginReturnsATokenSessionAndUser() {
        TestUser ada = user("login", null);
        Api.Response response = api().post("/api/v1/sessions")
                .header("User-Agent", "strata-test/1.0")
                .json(Map.of(
                        "email",
                        ada.email().toUpperCase(),
                        "password",
                        Api.PASSWORD,
                        "deviceInfo",
                        Map.of("os", "linux")))
                .send()
                .expect(201);
        Map<String, Object> login = response.json();
        issuedTokens.add((String) login.get("token"));
        assertThat(login).containsOnlyKeys("token", "tokenType", "expiresAt", "session", "user");
        assertThat(login).containsEntry("tokenType", "Bearer");
        assertThat((String) login.get("token")).hasSizeGreaterThanOrEqualTo(43);
        @SuppressWarnings("unchecked")
        Map<String, Object> session = (Map<String, Object>) login.get("session");
        assertThat(session)
                .containsEntry("userId", ada.id())
                .containsEntry("userAgent", "strata-test/1.0")
                .containsEntry("deviceInfo", Map.of("os", "linux"))
                .containsEntry("current", true)
                .containsEntry("expiresAt", login.get("expiresAt"));
        assertThat((String) session.get("ipAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
        assertThat(response.header("Location")).hasValue("/api/v1/sessions/" + session.get("id"));
        assertThat(response.header("Cache-Control")).hasValue("no-store");
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) login.get("user");
        assertThat(user).containsEntry("id", ada.id()).containsEntry("loginCount", 2);
    }

    @Test
    void wrongCredentialsGiveOneGeneric401() {
        TestUser ada = user("cred", null);
        Map<String, Object> wrongPassword = api().post("/api/v1/sessions")
                .json(Map.of("email", ada.email(), "password", "not-the-password"))
                .send()
                .problem(401);
        Map<String, Object> unknownEmail = api().post("/api/v1/sessions")
                .json(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.test", "password", "whatever-1"))
                .send()
                .problem(401);
        assertThat(wrongPassword.get("detail")).isEqualTo(unknownEmail.get("detail"));
        assertThat(api().post("/api/v1/sessions")
                        .json(Map.of("email", "", "password", ""))
                        .send()
                        .errorFields(400))
                .containsExactlyInAnyOrder("email", "password");
        assertThat(api().post("/api/v1/sessions")
                        .json(Map.of("email", ada.email(), "password", Api.PASSWORD, "remember", true))
                        .send()
                        .errorFields(400))
                .containsExactly("remember");
    }

    @Test
    void repeatedLoginFailuresAreThrottledAndTheFailuresPersist() {
        TestUser ada = user("throttle", null);
        Map<String, Object> wrong = Map.of("email", ada.email(), "password", "wrong-password");
        for (int i = 0; i < 5; i++) {
            api().post("/api/v1/sessions").json(wrong).send().problem(401);
        }
        Api.Response throttled = api().post("/api/v1/sessions").json(wrong).send();
        throttled.problem(429);
        assertThat(throttled.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 15L * 60));
        // even the right password is refused while throttled: the failures were committed
        api().post("/api/v1/sessions")
                .json(Map.of("email", ada.email(), "password", Api.PASSWORD))
                .send()
                .problem(429);
        // other accounts are unaffected
        issuedTokens.add(api().login(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    @Test
    void usersListAndRevokeTheirSessions() {
        TestUser ada = user("sess", null);
        String second = api().login(ada.email(), Api.PASSWORD);
        issuedTokens.add(second);
        List<Map<String, Object>> sessions = api().get("/api/v1/sessions")
                .token(ada.token())
                .send()
                .expect(200)
                .items();
        assertThat(sessions).hasSize(2);
        assertThat(sessions)
                .filteredOn(s -> Boolean.TRUE.equals(s.get("current")))
                .hasSize(1);
        assertThat(sessions)
                .allSatisfy(s -> assertThat(s).containsEntry("userId", ada.id()).doesNotContainKey("token"));
        String otherId = (String) sessions.stream()
                .filter(s -> !Boolean.TRUE.equals(s.get("current")))
                .findFirst()
                .orElseThrow()
                .get("id");

        TestUser bob = user("sess-b", null);
        api().delete("/api/v1/sessions/" + otherId).token(bob.token()).send().notFound();
        api().delete("/api/v1/sessions/" + UUID.randomUUID())
                .token(ada.token())
                .send()
                .notFound();
        api().delete("/api/v1/sessions/" + otherId).token(ada.token()).send().expect(204);
        api().get("/api/v1/users/me").token(second).send().problem(401);
        api().delete("/api/v1/sessions/" + otherId).token(ada.token()).send().expect(204);
        assertThat(api().get("/api/v1/sessions")
                        .token(ada.token())
                        .send()
                        .expect(200)
                        .items())
                .hasSize(1);
        api().get("/api/v1/sessions").send().problem(401);
    }

    @Test
    void logoutRevokesTheCurrentSession() {
        TestUser ada = user("logout", null);
        api().delete("/api/v1/sessions/current").token(ada.token()).send().expect(204);
        api().get("/api/v1/users/me").token(ada.token()).send().problem(401);
        api().delete("/api/v1/sessions/current").token(ada.token()).send().problem(401);
        api().delete("/api/v1/sessions/current").send().problem(401);
    }
}
