package io.strata.adapters.persistence.shared;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.hibernate.event.EventIntegrator;
import jakarta.inject.Singleton;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Micronaut Data's entity events are not installed. Its integrator ({@link EventIntegrator}) adds a Hibernate listener
 * to every insert, update, delete and load of every entity, to fill {@code @DateCreated}, {@code @DateUpdated} and
 * other auto-populated properties and to call Micronaut Data's entity event listeners. Strata uses none of them:
 * timestamps come from the domain's {@code Clock}, versions from JPA's {@code @Version}, and a change's consequences are
 * domain events in the outbox. The listeners still looked each entity up on every write: 1.7% of the CPU of
 * {@code PATCH /projects/{id}} and of {@code POST /projects/{id}/tasks} in the benchmark's profiles.
 *
 * <p>An entity that used one of those annotations would silently keep its value; {@code
 * AdapterRules.micronaut_data_entity_events_are_not_used} refuses them in the build. JPA's own callback annotations
 * ({@code jakarta.persistence.PrePersist}) are run by Hibernate itself, not by this integrator; Strata uses none.
 */
@Singleton
@Primary
@Replaces(EventIntegrator.class)
final class WithoutEntityEvents implements Integrator {

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        // nothing: no listener is registered
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing registered, nothing to remove
    }
}
