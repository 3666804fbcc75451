package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.persistence.EntityManager;

/**
 * Test-only endpoint (enabled by {@code strata.test.slow-statement-controller=true}): one statement through
 * Hibernate that takes at least {@code millis} (PostgreSQL sleeps), so a threshold below it is certainly crossed.
 */
@Controller("/test/slow-statement")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "strata.test.slow-statement-controller", value = "true")
class SlowStatementTestController {

    private final EntityManager entityManager;

    SlowStatementTestController(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Get("/{millis}")
    @ReadOnly
    String sleep(int millis) {
        Object result = entityManager
                .createNativeQuery("SELECT 1 FROM pg_sleep(" + millis / 1000.0 + ")")
                .getSingleResult();
        return "slept: " + result;
    }
}
