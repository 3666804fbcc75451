package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.BeanProvider;
import io.strata.application.events.EventFeedQueries;
import io.strata.bootstrap.events.EventRelayScheduler;
import io.strata.domain.events.EventFeedPage;
import io.strata.domain.events.SinkBacklog;
import io.strata.domain.shared.user.Actor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The backlog meters ask the database only when a backlog can exist: not while this instance's relay knows there is
 * no sink (then they read an empty backlog), always when it does not know or there is no relay here.
 */
class EventBacklogMetricsTest {

    private final AtomicInteger queries = new AtomicInteger();
    private final EventFeedQueries queue = new EventFeedQueries() {
        @Override
        public EventFeedPage feed(Actor actor, EventFeedPage.Filter filter, EventFeedPage.Cursor after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SinkBacklog> backlog(Actor actor) {
            queries.incrementAndGet();
            return List.of();
        }
    };
    private final AtomicBoolean noSink = new AtomicBoolean();
    private final EventRelayScheduler relay =
            new EventRelayScheduler(
                    () -> new io.strata.application.events.RelayEventsUseCase.Round(0, 0),
                    null,
                    null,
                    Duration.ofSeconds(1),
                    Duration.ofMinutes(1),
                    Duration.ZERO,
                    null) {
                @Override
                public boolean knowsNoSink() {
                    return noSink.get();
                }
            };

    @Test
    void whileTheRelayKnowsThereIsNoSinkTheBacklogIsEmptyWithoutAQuery() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventBacklogMetrics metrics = new EventBacklogMetrics(provider(queue), absent(), provider(relay));
        metrics.bindTo(registry);
        assertThat(registry.get("strata.events.pending").gauge().value())
                .as("not read yet")
                .isNaN();

        noSink.set(true);
        metrics.refresh();
        assertThat(queries).hasValue(0);
        assertThat(registry.get("strata.events.pending").gauge().value()).isZero();
        assertThat(registry.get("strata.events.oldest.undelivered.age").gauge().value())
                .isZero();

        noSink.set(false); // a sink added: the relay's round found it
        metrics.refresh();
        assertThat(queries).hasValue(1);
        assertThat(registry.get("strata.events.pending").gauge().value()).isZero();
    }

    @Test
    void withoutARelayOnThisInstanceItAlwaysAsks() {
        EventBacklogMetrics metrics = new EventBacklogMetrics(provider(queue), absent(), absent());

        metrics.refresh();
        metrics.refresh();

        assertThat(queries).hasValue(2);
    }

    private static <T> BeanProvider<T> provider(T bean) {
        return new BeanProvider<>() {
            @Override
            public T get() {
                return bean;
            }

            @Override
            public boolean isPresent() {
                return true;
            }
        };
    }

    private static <T> BeanProvider<T> absent() {
        return new BeanProvider<>() {
            @Override
            public T get() {
                throw new IllegalStateException("no such bean");
            }

            @Override
            public boolean isPresent() {
                return false;
            }
        };
    }
}
