package io.strata.bootstrap.runtime;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.MessageBodyHandlerRegistry;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.web.router.DefaultRouteInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, on a thread of its own while the context starts, the JSON serializers that Micronaut's router builds for
 * every route when the HTTP server is created. The router makes one per route ({@code DefaultRouteInfo}: the response
 * type's serializer and deserializer through micronaut-serde), 11% of a start's main thread (JFR, 1 ms sampling);
 * micronaut-serde keeps what it builds per type, so when the main thread gets there, after Hibernate's boot, it finds
 * them made (9 samples left of 95, three restarts). Restarts to the first 200 on the 2-core machine, alternating with
 * the jar without it: 1,841 against 1,801 ms median over 30 rounds; the two cores are nearly busy during a start (the
 * JIT compilers), so moving work off the main thread gains less than it takes off it.
 *
 * <p>Only a cache is filled: the router still builds its routes itself, and should this thread fail or not be done,
 * the main thread builds what is missing, as without it. On for {@code serve} only (a command that starts no server
 * has no routes to serve).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = StrataRuntime.SERVING_PROPERTY, value = "true")
final class RouteSerializerWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(RouteSerializerWarmUp.class);
    private static final List<MediaType> DEFAULT_PRODUCES = List.of(MediaType.APPLICATION_JSON_TYPE);

    /** The routes the thread went through (tests). */
    private final CompletableFuture<List<ExecutableMethod<?, ?>>> warmed = new CompletableFuture<>();

    RouteSerializerWarmUp(BeanContext context) {
        Thread thread = new Thread(() -> warmed.complete(warmUp(context)), "route-serializers-warm-up");
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (OutOfMemoryError | RuntimeException e) {
            LOG.debug("No thread for the route serializers' warm-up: the router builds them", e);
            warmed.complete(List.of());
        }
    }

    /** What the thread went through, once it is done (tests). */
    List<ExecutableMethod<?, ?>> awaitWarmed(Duration timeout) throws Exception {
        return warmed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * What the router's route builder does for each controller method, up to its serializer (the route itself is
     * dropped). Answers the methods it got through.
     */
    static List<ExecutableMethod<?, ?>> warmUp(BeanContext context) {
        List<ExecutableMethod<?, ?>> routes = new ArrayList<>();
        try {
            MessageBodyHandlerRegistry registry =
                    context.findBean(MessageBodyHandlerRegistry.class).orElse(null);
            if (registry == null) {
                return routes;
            }
            for (BeanDefinition<?> controller : context.getBeanDefinitions(Qualifiers.byStereotype(Controller.class))) {
                for (ExecutableMethod<?, ?> method : controller.getExecutableMethods()) {
                    if (!method.hasStereotype(HttpMethodMapping.class)) {
                        continue;
                    }
                    MediaType[] produces = MediaType.of(method.stringValues(Produces.class));
                    try {
                        new DefaultRouteInfo<>(
                                method.getAnnotationMetadata(),
                                method.getReturnType(),
                                List.of(),
                                produces.length == 0 ? DEFAULT_PRODUCES : List.of(produces),
                                controller.getBeanType(),
                                false,
                                true,
                                registry);
                        routes.add(method);
                    } catch (RuntimeException e) {
                        LOG.debug("No serializer warmed up for {}", method, e); // the router will say what is wrong
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // only a cache was being filled: the router builds what is missing itself
            LOG.debug("Route serializers warm-up stopped after {} routes", routes.size(), e);
        }
        return routes;
    }
}
