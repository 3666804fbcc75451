package io.strata.bootstrap.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.strata.application.identity.IdentityPolicy;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Beans the use cases need that come from configuration rather than from an adapter. */
@Factory
public class IdentityWiring {

    @Singleton
    Clock clock() {
        return Clock.system();
    }

    @Singleton
    IdentityPolicy identityPolicy(
            @Value("${strata.identity.session-ttl:24h}") Duration sessionTtl,
            @Value("${strata.identity.max-failures-per-account:5}") int maxFailuresPerAccount,
            @Value("${strata.identity.max-failures-per-ip:50}") int maxFailuresPerIp,
            @Value("${strata.identity.failure-window:15m}") Duration failureWindow,
            @Value("${strata.identity.last-seen-granularity:1m}") Duration lastSeenGranularity,
            @Value("${strata.identity.max-sign-ups-per-ip:20}") int maxSignUpsPerIp,
            @Value("${strata.identity.sign-up-window:1h}") Duration signUpWindow) {
        return new IdentityPolicy(
                sessionTtl,
                maxFailuresPerAccount,
                maxFailuresPerIp,
                failureWindow,
                lastSeenGranularity,
                maxSignUpsPerIp,
                signUpWindow);
    }
}
