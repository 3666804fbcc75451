package io.strata.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.strata.bootstrap.testing.IntegrationTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The warm-up of the route serializers that {@code serve} starts with ({@link RouteSerializerWarmUp}). */
class RouteSerializerWarmUpTest extends IntegrationTest {

    @Override
    protected Map<String, String> additionalProperties() {
        return Map.of(StrataRuntime.SERVING_PROPERTY, "true");
    }

    @Test
    void itGoesThroughEveryControllerRouteOfTheRouter() throws Exception {
        Set<String> routed = context.getBean(Router.class)
                .uriRoutes()
                .map(UriRouteInfo::getTargetMethod)
                .filter(target -> context.findBeanDefinition(target.getDeclaringType())
                        .map(definition -> definition.hasStereotype(Controller.class))
                        .orElse(false))
                .map(target -> describe(target.getExecutableMethod()))
                .collect(Collectors.toSet());

        // what the serving context's own warm-up thread went through as the context started
        List<ExecutableMethod<?, ?>> warmed =
                context.getBean(RouteSerializerWarmUp.class).awaitWarmed(Duration.ofSeconds(30));
        assertThat(routed).hasSizeGreaterThan(100);
        // every route of a controller (and the error routes, which the router builds as well)
        assertThat(warmed.stream().map(RouteSerializerWarmUpTest::describe).collect(Collectors.toSet()))
                .containsAll(routed);
    }

    @Test
    void aContextWithNothingToGiveEndsItWithoutAnError() {
        // never started: it has no beans to give; the warm-up ends without a route and without throwing
        assertThat(RouteSerializerWarmUp.warmUp(ApplicationContext.builder().build()))
                .isEmpty();
    }

    private static String describe(ExecutableMethod<?, ?> method) {
        return method.getDeclaringType().getName() + "#" + method.getMethodName()
                + Arrays.toString(method.getArgumentTypes());
    }
}
