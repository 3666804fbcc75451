package io.strata.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A body field is read only as its own JSON type, on every context's endpoints: a string (or a number) for a boolean,
 * a string (or a boolean) for a number, is a 400 problem naming the field, and nothing changes. (The JSON binding used
 * to coerce: {@code "yes"} was read as false, {@code "12"} as 12.) The catalogue-wide check is {@code ApiFuzzTest}.
 */
class StrictJsonTypesTest extends IntegrationTest {
    private static final String JSON = "application/json";

    @Test
    void aNumberSentAsAStringIsA400NamingTheFieldAndCreatesNothing() {
        String name = "strict-" + UUID.randomUUID();
        assertThat(api().post("/api/v1/admin/event-sinks")
                        .token(adminToken())
                        .raw("{\"name\":\"" + name + "\",\"kind\":\"LOG\",\"timeoutMs\":\"2000\"}", JSON)
                        .send()
                        .errorFields(400))
                .containsExactly("timeoutMs");
        assertThat(api().post("/api/v1/admin/event-sinks")
                        .token(adminToken())
                        .raw("{\"name\":\"" + name + "\",\"kind\":\"LOG\",\"timeoutMs\":true}", JSON)
                        .send()
                        .errorFields(400))
                .containsExactly("timeoutMs");
        assertThat(api().get("/api/v1/admin/event-sinks")
                        .token(adminToken())
                        .send()
                        .expect(200)
                        .body())
                .doesNotContain(name);

        assertThat(api().post("/api/v1/guilds/4242/cases")
                        .token(adminToken())
                        .raw("{\"userId\":\"12\",\"type\":\"WARN\",\"moderatorId\":1}", JSON)
                        .send()
                        .errorFields(400))
                .containsExactly("userId");
    }

    @Test
    void aBooleanSentAsAStringOrANumberIsA400NamingTheField() {
        assertThat(api().post("/api/v1/ai/reprice")
                        .token(adminToken())
                        .raw(
                                "{\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2020-01-02T00:00:00Z\","
                                        + "\"includeGivenCosts\":\"yes\"}",
                                JSON)
                        .send()
                        .errorFields(400))
                .containsExactly("includeGivenCosts");
        String keywords = "/api/v1/mail/emails/" + UUID.randomUUID() + "/keywords";
        assertThat(api().post(keywords)
                        .token(adminToken())
                        .raw("{\"seen\":\"yes\"}", JSON)
                        .send()
                        .errorFields(400))
                .containsExactly("seen");
        assertThat(api().post(keywords)
                        .token(adminToken())
                        .raw("{\"flagged\":1}", JSON)
                        .send()
                        .errorFields(400))
                .containsExactly("flagged");
        // a boolean of the right type reaches the use case (404: no such e-mail)
        api().post(keywords)
                .token(adminToken())
                .raw("{\"seen\":true}", JSON)
                .send()
                .problem(404);
    }
}
