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

    @Get("/error")
    String error() {
        throw new AssertionError(SECRET);
    }
}
