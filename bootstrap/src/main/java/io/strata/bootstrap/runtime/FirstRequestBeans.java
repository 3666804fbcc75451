package io.strata.bootstrap.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the beans every request passes through, which Micronaut otherwise makes on the first request, on the event
 * loop: the HTTP filters (authentication, idempotency, metrics, CORS...) and the health endpoint with its indicators.
 * {@code serve} calls it after making the HTTP server, while Hibernate is still being built ({@link StartupWork}):
 * the main thread would only wait there. The first request to {@code /health} after a restart took 175-222 ms with
 * them made on it, 130-141 ms without (curl's total time, three restarts a side against an external PostgreSQL on
 * the 2-core machine).
 *
 * <p>It also initializes the Java Flight Recorder event Micronaut's HTTP/1 handler records requests with
 * ({@link #REQUEST_EVENT}). A JFR event class costs a lot to load even when nothing records: the JVM hands its bytes
 * to JFR to instrument as it loads, and its static initializer registers it, all interpreted the first time; made
 * on the first request, that was more than half of the event loop's CPU for it. Measured with {@code bench/run
 * ab-start} (12 alternating pairs, twice): the first {@code /health} request 157-172 ms -> 82-93 ms median (sooner in
 * every pair), the first 200 68-100 ms sooner by median (sooner in 9 and in 6 of the 12 pairs: a start's noise).
 */
public final class FirstRequestBeans {

    private static final List<Class<? extends Annotation>> FILTERS = List.of(ServerFilter.class, Filter.class);

    /** Micronaut's JFR event for HTTP/1 requests (package-private there, hence by name; a test checks it exists). */
    static final String REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private FirstRequestBeans() {}

    /** What {@link #make} made: the beans' definitions, and whether the request event is initialized (tests). */
    public record Made(List<BeanDefinition<?>> beans, boolean requestEvent) {}

    /** Makes them. */
    public static Made make(ApplicationContext context) {
        List<BeanDefinition<?>> made = new ArrayList<>();
        for (Class<? extends Annotation> filter : FILTERS) {
            for (BeanDefinition<?> definition : context.getBeanDefinitions(Qualifiers.byStereotype(filter))) {
                if (definition.isSingleton()) {
                    context.getBean(definition);
                    made.add(definition);
                }
            }
        }
        context.findBeanDefinition(HealthEndpoint.class).ifPresent(health -> {
            context.getBean(health);
            made.add(health);
        });
        return new Made(made, initializeRequestEvent());
    }

    /** True when {@link #REQUEST_EVENT} is initialized; false when this Micronaut has no such class. */
    static boolean initializeRequestEvent() {
        try {
            Class.forName(REQUEST_EVENT, true, FirstRequestBeans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            // a Micronaut without it (renamed, removed): the first request loads whatever it uses instead
            return false;
        }
    }
}
