package io.strata.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.adapters.persistence.testing.PostgresTest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.junit.jupiter.api.Test;

/** Micronaut Data's entity-event listeners are not installed on Strata's session factory (WithoutEntityEvents). */
class WithoutEntityEventsTest extends PostgresTest {

    @Test
    void noMicronautDataListenerRunsOnInsertsUpdatesDeletesOrLoads() {
        assertThat(bean(Integrator.class)).isInstanceOf(WithoutEntityEvents.class);
        EventListenerRegistry registry = bean(SessionFactory.class)
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        for (EventType<?> type : List.of(
                EventType.PRE_INSERT,
                EventType.PRE_UPDATE,
                EventType.PRE_DELETE,
                EventType.POST_INSERT,
                EventType.POST_UPDATE,
                EventType.POST_DELETE,
                EventType.POST_LOAD)) {
            List<String> listeners = StreamSupport.stream(
                            registry.getEventListenerGroup(type).listeners().spliterator(), false)
                    .map(listener -> listener.getClass().getName())
                    .toList();
            assertThat(listeners).as(type.eventName()).noneMatch(name -> name.startsWith("io.micronaut.data"));
        }
    }
}
