package io.strata.bootstrap.ops;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;

/**
 * Whether the application context has begun to shut down. Scheduled jobs ask it before each run: a run falling after
 * the persistence beans were destroyed would ask the context for them again, and Hibernate's factory then logs an
 * error on a clean stop. {@link ShutdownEvent} is published before the context destroys its beans.
 */
@Singleton
public class ContextStopping implements ApplicationEventListener<ShutdownEvent> {
    private volatile boolean stopping;

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        stopping = true;
    }

    /** True once the shutdown has begun: a scheduled run should do nothing. */
    public boolean now() {
        return stopping;
    }
}
