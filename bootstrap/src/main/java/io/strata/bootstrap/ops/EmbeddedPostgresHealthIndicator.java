package io.strata.bootstrap.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.strata.bootstrap.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The supervised embedded PostgreSQL, as {@code embeddedPostgres} under {@code /health} (details for ADMIN tokens):
 * {@code state} (RUNNING, RESTARTING, FAILED), {@code pid}, {@code port}, {@code restarts} since Strata started,
 * {@code lastCrashAt} with {@code lastExitStatus}, {@code lastRestartAt}, {@code lastRecoveryMs} (from the crash to
 * accepting connections again) and {@code restartAttempts} (failures in a row before Strata gives up). Not part of
 * readiness ({@code database} is) nor of liveness: a restart in progress is not a reason to kill Strata.
 */
@Singleton
@Requires(beans = {HealthEndpoint.class, EmbeddedPostgres.class})
public class EmbeddedPostgresHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    public static final String NAME = "embeddedPostgres";

    private final EmbeddedPostgres postgres;

    public EmbeddedPostgresHealthIndicator(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    protected String getName() {
        return NAME;
    }

    @Override
    protected HealthResult getHealthResult() {
        EmbeddedPostgres.Status status = postgres.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        details.put("pid", status.pid());
        details.put("port", status.port());
        details.put("startedAt", status.startedAt().toString());
        details.put("restarts", status.restarts());
        details.put(
                "lastCrashAt",
                status.lastCrashAt() == null ? null : status.lastCrashAt().toString());
        details.put("lastExitStatus", status.lastExitStatus());
        details.put(
                "lastRestartAt",
                status.lastRestartAt() == null ? null : status.lastRestartAt().toString());
        details.put("lastRecoveryMs", status.lastRecoveryMs());
        details.put("restartAttempts", status.restartAttempts());
        HealthStatus health = status.state() == EmbeddedPostgres.State.RUNNING ? HealthStatus.UP : HealthStatus.DOWN;
        return HealthResult.builder(NAME, health).details(details).build();
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        throw new UnsupportedOperationException("getHealthResult() is overridden");
    }
}
