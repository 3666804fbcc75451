package io.strata.bootstrap.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.bootstrap.testing.Api.TestUser;
import io.strata.bootstrap.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The relay of the instance that committed events is woken by the commit itself, in the process (no trigger's NOTIFY
 * since V64): with a poll interval of ten minutes, an event recorded over HTTP reaches its webhook within seconds.
 */
class OutboxWakeUpApiTest extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(
                "strata.events.relay.poll-interval", "10m",
                "strata.events.relay.idle-poll-interval", "10m");
    }

    @Test
    void aCommitThatRecordsEventsWakesThisInstancesRelayWithoutItsPoll() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver()) {
            api().post("/api/v1/admin/event-sinks")
                    .token(adminToken())
                    .json(Map.of(
                            "name",
                            "woken",
                            "kind",
                            "WEBHOOK",
                            "url",
                            hook.url(),
                            "eventTypes",
                            List.of("workspace.ProjectCreated"),
                            "timeoutMs",
                            2000))
                    .send()
                    .expect(201);
            EventRelayScheduler relay = bean(EventRelayScheduler.class);
            await(() -> !relay.knowsNoSink()); // the sink's own notification (V12) woke it; its round found the sink

            TestUser owner = api().newUser(adminToken(), "wokenowner", null);
            for (int project = 1; project <= 3; project++) { // each after the last was delivered: a wake-up each
                String id = (String) api().post("/api/v1/projects")
                        .token(owner.token())
                        .json(Map.of("name", "Woken " + project))
                        .send()
                        .expect(201)
                        .json()
                        .get("id");
                await(() -> hook.accepted().stream().anyMatch(r -> r.body().contains(id)));
            }
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as("within %s, the relay's poll being ten minutes", PATIENCE)
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
