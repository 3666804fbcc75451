package io.strata.adapters.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    private final InFlightRequests requests = new InFlightRequests();

    @Test
    void aDrainWaitsForTheRequestsInFlightAndRefusesNewOnes() throws Exception {
        HttpRequest<?> first = HttpRequest.GET("/api/v1/projects");
        HttpRequest<?> second = HttpRequest.GET("/api/v1/tasks/1");
        assertThat(requests.admit(first)).isNull();
        assertThat(requests.admit(second)).isNull();
        assertThat(requests.inFlight()).isEqualTo(2);

        CountDownLatch draining = new CountDownLatch(1);
        CompletableFuture<InFlightRequests.Drain> drain = CompletableFuture.supplyAsync(() -> {
            draining.countDown();
            try {
                return requests.drain(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(draining.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<?> refused = awaitRefusal();
        assertThat(refused.code()).isEqualTo(503);
        assertThat(refused.getHeaders().get(HttpHeaders.CONNECTION)).isEqualTo("close");
        assertThat(refused.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        requests.release(first);
        assertThat(drain).isNotDone();
        requests.release(second);
        requests.release(second); // a second response filter call for the same request changes nothing

        InFlightRequests.Drain result = drain.get(10, TimeUnit.SECONDS);
        assertThat(result.inFlightAtStart()).isBetween(2, 3); // a probe of awaitRefusal may have been in flight too
        assertThat(result.unfinished()).isZero();
        assertThat(requests.inFlight()).isZero();
    }

    @Test
    void aDrainEndsAtTheGracePeriodOrWhenTold() throws Exception {
        assertThat(requests.admit(HttpRequest.GET("/slow"))).isNull();

        assertThat(requests.drain(Duration.ofMillis(50)).unfinished()).isEqualTo(1);

        CompletableFuture<InFlightRequests.Drain> drain = CompletableFuture.supplyAsync(() -> {
            try {
                return requests.drain(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        requests.stopWaiting();
        assertThat(drain.get(10, TimeUnit.SECONDS).unfinished()).isEqualTo(1);
    }

    /** New requests are refused once the drain (on another thread) has begun. */
    private HttpResponse<?> awaitRefusal() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpRequest<?> late = HttpRequest.GET("/api/v1/users/me");
            HttpResponse<?> response = requests.admit(late);
            if (response != null) {
                return response;
            }
            requests.release(late);
            Thread.sleep(1);
        }
        throw new AssertionError("no refusal after the drain began");
    }
}
