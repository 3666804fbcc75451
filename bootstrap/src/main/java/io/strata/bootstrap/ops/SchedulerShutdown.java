package io.strata.bootstrap.ops;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;

/**
 * Stops Micronaut's scheduler as soon as the context begins to shut down ({@link ShutdownEvent} comes before any
 * bean is destroyed): every {@code @Scheduled} job's next run is cancelled, and a run in progress finishes. Without
 * it a run could fall after the persistence beans were destroyed, ask the context for them again, and make
 * Hibernate's factory log an error on a clean stop. One place for every job, so a new job needs nothing of its own.
 */
@Singleton
public class SchedulerShutdown implements ApplicationEventListener<ShutdownEvent> {
    private final ExecutorService scheduler;

    public SchedulerShutdown(@Named(TaskExecutors.SCHEDULED) ExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        scheduler.shutdown(); // a ScheduledThreadPoolExecutor drops its periodic tasks at shutdown
    }
}
