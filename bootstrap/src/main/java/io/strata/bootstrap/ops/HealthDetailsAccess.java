package io.strata.bootstrap.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.strata.adapters.web.shared.FilterPaths;
import io.strata.adapters.web.shared.OffEventLoop;
import io.strata.application.identity.AuthenticateUseCase;
import io.strata.bootstrap.database.DatabaseAvailability;
import java.security.Principal;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Health details (PostgreSQL version, pool sizes, disk totals, restarts) are for administrators; probes and
 * anonymous callers get the status only (OWASP API8). {@code endpoints.health.details-visible: AUTHENTICATED}
 * shows the details to a request with a principal, and this filter gives one to a request that carries the bearer
 * token of an ADMIN, and to no other. Anything else (no token, another role, a bad token, a database that is down
 * so the token cannot be checked) is simply not a principal: {@code /health} never answers 401, so probes keep working.
 * The operational {@code MigrationsController} is guarded the same way: it serves an ADMIN's request only.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HealthDetailsAccess {

    private final AuthenticateUseCase authenticate;
    private final DatabaseAvailability availability;
    private final OffEventLoop offEventLoop;

    public HealthDetailsAccess(
            AuthenticateUseCase authenticate, @Nullable DatabaseAvailability availability, OffEventLoop offEventLoop) {
        this.authenticate = authenticate;
        this.availability = availability;
        this.offEventLoop = offEventLoop;
    }

    @RequestFilter
    public @Nullable CompletableFuture<@Nullable HttpRequest<?>> admitAdministrators(HttpRequest<?> request) {
        if (!FilterPaths.under(request, "/health") && !request.getPath().equals(MigrationsController.PATH)) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null
                || !header.toLowerCase(Locale.ROOT).startsWith("bearer ")
                || (availability != null && availability.outage().isPresent())) {
            return null;
        }
        String token = header.substring("bearer ".length()).strip();
        return offEventLoop.proceedAfter(request, () -> admitAdministrator(request, token));
    }

    private void admitAdministrator(HttpRequest<?> request, String token) {
        try {
            authenticate
                    .authenticate(token)
                    .filter(authenticated -> authenticated.actor().isAdmin())
                    .ifPresent(authenticated -> {
                        String name = authenticated.actor().userId().toString();
                        request.setAttribute(HttpAttributes.PRINCIPAL, (Principal) () -> name);
                    });
        } catch (RuntimeException e) {
            // a malformed token or an unreachable database: no details, still a health answer
        }
    }
}
