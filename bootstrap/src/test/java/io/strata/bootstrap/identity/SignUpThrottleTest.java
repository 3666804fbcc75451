package io.strata.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Anonymous sign-up answers whether an e-mail is registered (a 409), so it is throttled per client IP:
 * every attempt that gets that far counts, including the ones answered 409, and an ADMIN is not throttled.
 */
class SignUpThrottleTest extends IntegrationTest {
    private static final int LIMIT = 3;

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.identity.max-sign-ups-per-ip", Integer.toString(LIMIT), "strata.identity.sign-up-window", "1h");
    }

    @Test
    void anonymousSignUpsArePerIpThrottledWhileAdminsAreNot() {
        String taken = Api.unique("taken");
        api().post("/api/v1/users").json(body(taken, taken)).send().expect(201);
        // a probe for an existing e-mail is answered and counted even though it rolls back
        api().post("/api/v1/users")
                .json(body(taken, Api.unique("other")))
                .send()
                .problem(409);
        // invalid input reveals nothing and is not counted
        api().post("/api/v1/users").json(Map.of("email", "nope")).send().problem(400);
        String third = Api.unique("third");
        api().post("/api/v1/users").json(body(third, third)).send().expect(201);

        Api.Response throttled = api().post("/api/v1/users")
                .json(body(taken, Api.unique("probe")))
                .send();
        Map<String, Object> problem = throttled.problem(429);
        assertThat((String) problem.get("detail")).contains("too many sign-ups from this address");
        assertThat(throttled.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        String fresh = Api.unique("fresh");
        api().post("/api/v1/users").json(body(fresh, fresh)).send().problem(429);
        api().post("/api/v1/users").json(Map.of("email", fresh)).send().problem(400);

        // an ADMIN still registers users, and still gets the precise conflict
        api().post("/api/v1/users")
                .token(adminToken())
                .json(body(fresh, fresh))
                .send()
                .expect(201);
        Map<String, Object> conflict = api().post("/api/v1/users")
                .token(adminToken())
                .json(body(taken, Api.unique("again")))
                .send()
                .problem(409);
        assertThat((String) conflict.get("detail")).contains("is already registered");
        // logging in is throttled separately
        api().login(fresh + "@example.test", Api.PASSWORD);
    }

    private static Map<String, Object> body(String emailName, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", emailName + "@example.test");
        body.put("username", username);
        body.put("password", Api.PASSWORD);
        return body;
    }
}
