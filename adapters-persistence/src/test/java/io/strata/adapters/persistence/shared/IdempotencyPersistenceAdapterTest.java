package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.adapters.persistence.testing.PostgresTest;
import io.strata.application.shared.idempotency.IdempotencyStore;
import io.strata.application.shared.idempotency.IdempotencyStore.IdempotencyRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyPersistenceAdapterTest extends PostgresTest {
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofHours(24));

    @org.junit.jupiter.api.BeforeEach
    void clean() {
        sql("DELETE FROM idempotency_keys");
    }

    @Test
    void claimCompleteAndReplay() {
        assertThat(store.claim("user:1", "key-1", "hash-a", NOW, LATER)).isEmpty();

        IdempotencyRecord inProgress = store.claim("user:1", "key-1", "hash-a", NOW.plusSeconds(1), LATER)
                .orElseThrow();
        assertThat(inProgress.completed()).isFalse();
        assertThat(inProgress.requestHash()).isEqualTo("hash-a");
        assertThat(inProgress.body()).isNull();

        byte[] body = "{\"id\":\"42\"}".getBytes(StandardCharsets.UTF_8);
        store.complete("user:1", "key-1", 201, "application/json", body, "{\"Location\":\"/api/v1/users/42\"}");
        IdempotencyRecord done = store.claim("user:1", "key-1", "hash-b", NOW.plusSeconds(2), LATER)
                .orElseThrow();
        assertThat(done.completed()).isTrue();
        assertThat(done.requestHash())
                .as("the first request's hash, to detect a different body")
                .isEqualTo("hash-a");
        assertThat(done.status()).isEqualTo(201);
        assertThat(done.contentType()).isEqualTo("application/json");
        assertThat(done.body()).isEqualTo(body);
        assertThat(done.headersJson()).isEqualTo("{\"Location\": \"/api/v1/users/42\"}");

        // scopes are separate
        assertThat(store.claim("user:2", "key-1", "hash-a", NOW, LATER)).isEmpty();
    }

    @Test
    void releaseForgetsAnInProgressClaimOnly() {
        assertThat(store.claim("s", "failing", "h", NOW, LATER)).isEmpty();
        store.release("s", "failing");
        assertThat(store.claim("s", "failing", "h", NOW, LATER))
                .as("a retry runs again")
                .isEmpty();

        store.complete("s", "failing", 204, null, null, null);
        store.release("s", "failing");
        Optional<IdempotencyRecord> kept = store.claim("s", "failing", "h", NOW, LATER);
        assertThat(kept).hasValueSatisfying(r -> {
            assertThat(r.completed()).isTrue();
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body()).isNull();
            assertThat(r.headersJson()).isNull();
        });
    }

    @Test
    void anAbandonedClaimIsReclaimedAfterTheLease() {
        assertThat(store.claim("crash", "k", "h", NOW, LATER)).isEmpty();
        Instant justBefore = NOW.plus(IdempotencyStore.IN_PROGRESS_LEASE).minusSeconds(1);
        assertThat(store.claim("crash", "k", "h", justBefore, LATER))
                .hasValueSatisfying(r -> assertThat(r.completed()).isFalse());
        Instant after = NOW.plus(IdempotencyStore.IN_PROGRESS_LEASE);
        assertThat(store.claim("crash", "k", "h", after, LATER))
                .as("the dead request's claim is taken over")
                .isEmpty();
        store.complete("crash", "k", 201, "application/json", "{}".getBytes(), "{}");
        assertThat(store.claim("crash", "k", "h", after.plus(IdempotencyStore.IN_PROGRESS_LEASE), LATER))
                .as("a completed record is never taken over before it expires")
                .hasValueSatisfying(r -> assertThat(r.completed()).isTrue());
    }

    @Test
    void expiredRecordsAreReclaimedAndPurged() {
        assertThat(store.claim("p", "old", "h1", NOW, NOW.plusSeconds(60))).isEmpty();
        store.complete("p", "old", 201, "application/json", new byte[] {1}, "{}");
        assertThat(store.claim("p", "fresh", "h2", NOW, LATER)).isEmpty();

        // after expiry the same key starts over
        assertThat(store.claim("p", "old", "h3", NOW.plusSeconds(61), LATER)).isEmpty();
        assertThat(store.claim("p", "old", "h3", NOW.plusSeconds(62), LATER)).hasValueSatisfying(r -> {
            assertThat(r.completed()).isFalse();
            assertThat(r.requestHash()).isEqualTo("h3");
        });

        assertThat(store.claim("p", "short", "h4", NOW, NOW.plusSeconds(10))).isEmpty();
        assertThat(store.purgeExpired(NOW.plusSeconds(30))).isEqualTo(1);
        assertThat(store.purgeExpired(LATER)).isEqualTo(2);
        assertThat(store.purgeExpired(LATER)).isZero();
    }

    @Test
    void runsInTheCallersTransactionAndRollsBackWithIt() {
        IdempotencyStore raw = bean(IdempotencyStore.class);
        try {
            txRun(() -> {
                assertThat(raw.claim("tx", "rolled-back", "h", NOW, LATER)).isEmpty();
                throw new IllegalStateException("use case failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back with the caller
        }
        assertThat(store.claim("tx", "rolled-back", "h", NOW, LATER)).isEmpty();
    }

    @Test
    void refusesToRunOutsideATransaction() {
        assertThatThrownBy(() -> bean(IdempotencyStore.class).claim("none", "k", "h", NOW, LATER))
                .hasMessageContaining("none is running");
    }

    /** The store, each call in a transaction of its own, as the idempotency use cases call it. */
    private final IdempotencyStore store = new IdempotencyStore() {
        @Override
        public Optional<IdempotencyRecord> claim(
                String scope, String key, String requestHash, Instant now, Instant expiresAt) {
            return tx(() -> bean(IdempotencyStore.class).claim(scope, key, requestHash, now, expiresAt));
        }

        @Override
        public void complete(
                String scope, String key, int status, String contentType, byte[] body, String headersJson) {
            txRun(() -> bean(IdempotencyStore.class).complete(scope, key, status, contentType, body, headersJson));
        }

        @Override
        public void release(String scope, String key) {
            txRun(() -> bean(IdempotencyStore.class).release(scope, key));
        }

        @Override
        public int purgeExpired(Instant now) {
            return tx(() -> bean(IdempotencyStore.class).purgeExpired(now));
        }
    };
}
