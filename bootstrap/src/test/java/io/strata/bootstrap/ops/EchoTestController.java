package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/** Test-only endpoint (enabled by {@code strata.test.echo-controller=true}) to exercise server-wide limits. */
@Controller("/test/echo")
@Requires(property = "strata.test.echo-controller", value = "true")
class EchoTestController {

    @Post(consumes = MediaType.TEXT_PLAIN, produces = MediaType.TEXT_PLAIN)
    String echo(@Body String body) {
        return Integer.toString(body.length());
    }
}
