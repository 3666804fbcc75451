package io.strata.bootstrap.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Test-only endpoint that fails unexpectedly, to prove a 500 is a generic problem without internals. */
@Controller("/test/boom")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "strata.test.boom-controller", value = "true")
class BoomTestController {
    static final String SECRET = "connection to db-internal.example:5432 refused by pg_hba";

    @Get
    String boom() {
        throw new IllegalStateException(SECRET);
    }

    /** What a flush that PostgreSQL ended in a deadlock throws: JPA calls it an optimistic lock failure. */
    @Get("/deadlock")
    String deadlock() {
        throw new jakarta.persistence.OptimisticLockException(new org.hibernate.exception.LockAcquisitionException(
                "could not execute batch", new java.sql.SQLException("ERROR: deadlock detected", "40P01")));
    }

    @Get("/error")
    String error() {
        throw new AssertionError(SECRET);
    }
}
