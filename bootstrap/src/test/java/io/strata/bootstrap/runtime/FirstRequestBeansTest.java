package io.strata.bootstrap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.inject.BeanDefinition;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.strata.adapters.web.identity.BearerAuthenticationFilter;
import io.strata.adapters.web.shared.IdempotencyFilter;
import io.strata.bootstrap.ops.HealthDetailsAccess;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code serve} makes before its port opens so that the first request does not ({@link FirstRequestBeans}). */
class FirstRequestBeansTest extends IntegrationTest {

    @Test
    void theFiltersAndTheHealthEndpointAreMadeAndAreTheOnesRequestsUse() {
        FirstRequestBeans.Made result = FirstRequestBeans.make(context);
        List<BeanDefinition<?>> made = result.beans();

        assertThat(made.stream().<Class<?>>map(BeanDefinition::getBeanType).toList())
                .contains(
                        BearerAuthenticationFilter.class,
                        IdempotencyFilter.class,
                        HealthDetailsAccess.class,
                        HealthEndpoint.class);
        for (BeanDefinition<?> definition : made) {
            // singletons: the router's filters and the endpoint are these very instances
            assertThat(context.getActiveBeanRegistrations(definition.getBeanType()))
                    .isNotEmpty();
        }
        assertThat(result.requestEvent())
                .as("Micronaut's JFR request event initialized before the first request")
                .isTrue();
        api().get("/health").send().expect(200);
    }

    @Test
    void theRequestEventItInitializesIsMicronautsJfrEventForHttp1Requests() throws ClassNotFoundException {
        // an upgrade of Micronaut that renames it fails here instead of bringing its cost back to the first request
        Class<?> event =
                Class.forName(FirstRequestBeans.REQUEST_EVENT, false, getClass().getClassLoader());

        assertThat(jdk.jfr.Event.class).isAssignableFrom(event);
        assertThat(FirstRequestBeans.initializeRequestEvent()).isTrue();
    }
}
