package io.strata.bootstrap.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.DefaultBeanContext;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.propagation.instrument.execution.ContextPropagatingScheduledExecutorService;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Once the context begins to shut down, no scheduled job runs again: the scheduler itself is stopped. */
class SchedulerShutdownTest extends IntegrationTest {

    @Test
    void theApplicationsSchedulerIsStoppedAtShutdown() {
        ExecutorService scheduler = context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED));
        assertThat(scheduler)
                .as("the executor @Scheduled jobs run on: the kind the next test shuts down")
                .isExactlyInstanceOf(ContextPropagatingScheduledExecutorService.class);
        assertThat(context.getBeansOfType(SchedulerShutdown.class)).hasSize(1);
    }

    @Test
    void aJobDueAfterTheShutdownBeganNeverRuns() throws InterruptedException {
        ScheduledExecutorService scheduler =
                new ContextPropagatingScheduledExecutorService(new ScheduledThreadPoolExecutor(1));
        AtomicInteger runs = new AtomicInteger();
        scheduler.scheduleWithFixedDelay(runs::incrementAndGet, 200, 10, TimeUnit.MILLISECONDS);

        new SchedulerShutdown(scheduler).onApplicationEvent(new ShutdownEvent(new DefaultBeanContext()));

        assertThat(scheduler.awaitTermination(2, TimeUnit.SECONDS)).isTrue();
        assertThat(runs).hasValue(0);
    }
}
