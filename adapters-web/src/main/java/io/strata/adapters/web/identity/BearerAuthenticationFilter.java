package io.strata.adapters.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import io.strata.adapters.web.shared.FilterPaths;
import io.strata.adapters.web.shared.OffEventLoop;
import io.strata.adapters.web.shared.PublicEndpoint;
import io.strata.adapters.web.shared.RequestActor;
import io.strata.application.identity.AuthenticateUseCase;
import io.strata.domain.shared.error.UnauthenticatedException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bearer-token authentication for everything under {@code /api/v1}: reads
 * {@code Authorization: Bearer <token>}, resolves it with {@link AuthenticateUseCase} and stores the
 * actor and session id as request attributes ({@link RequestActor}). A missing token is a 401 except
 * on endpoints marked {@link PublicEndpoint}; a malformed header or an invalid, expired or revoked
 * token is always a 401. Paths outside {@code /api/v1} (health, docs, OpenAPI) are not filtered.
 * A token whose session is cached is resolved on the event loop; only the others go to a blocking thread.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class BearerAuthenticationFilter implements Ordered {
    /** RFC 6750 b64token. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9\\-._~+/]+=*$");

    private static final int MAX_TOKEN_LENGTH = 256;

    private final AuthenticateUseCase authenticate;
    private final Router router;
    private final OffEventLoop offEventLoop;

    public BearerAuthenticationFilter(AuthenticateUseCase authenticate, Router router, OffEventLoop offEventLoop) {
        this.authenticate = authenticate;
        this.router = router;
        this.offEventLoop = offEventLoop;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    /** Null when the request is decided here and now; else the lookup that decides it, off the event loop. */
    @RequestFilter
    public @Nullable CompletableFuture<@Nullable HttpRequest<?>> authenticate(HttpRequest<?> request) {
        if (!FilterPaths.under(request, FilterPaths.API_V1)) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (!isPublic(request)) {
                throw new UnauthenticatedException("authentication required: send Authorization: Bearer <token> "
                        + "(get one from POST /api/v1/sessions)");
            }
            return null;
        }
        String token = bearerToken(header);
        Optional<AuthenticateUseCase.Authenticated> known = authenticate.authenticateInMemory(token);
        if (known.isPresent()) {
            admit(request, known.get());
            return null;
        }
        return offEventLoop.proceedAfter(
                request,
                () -> admit(
                        request,
                        authenticate
                                .authenticate(token)
                                .orElseThrow(() -> new UnauthenticatedException(
                                        "the bearer token is invalid, expired or revoked"))));
    }

    private static void admit(HttpRequest<?> request, AuthenticateUseCase.Authenticated authenticated) {
        RequestActor.authenticate(
                request, authenticated.actor(), authenticated.sessionId().value());
    }

    static String bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw new UnauthenticatedException("malformed Authorization header: expected 'Bearer <token>'");
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty()
                || token.length() > MAX_TOKEN_LENGTH
                || !TOKEN.matcher(token).matches()) {
            throw new UnauthenticatedException("malformed Authorization header: expected 'Bearer <token>'");
        }
        return token;
    }

    /**
     * Whether the matched route is a {@link PublicEndpoint}. When no route matched (e.g. a public POST
     * with the wrong Content-Type), any public route for this method and path counts, so the client
     * gets the real 4xx (415, 400...) instead of a misleading 401.
     */
    private boolean isPublic(HttpRequest<?> request) {
        Optional<RouteMatch<?>> matched = RouteAttributes.getRouteMatch(request);
        if (matched.isPresent()) {
            return matched.get().getAnnotationMetadata().hasAnnotation(PublicEndpoint.class);
        }
        try (Stream<UriRouteMatch<Object, Object>> candidates =
                router.find(request.getMethod(), request.getPath(), request)) {
            return candidates.anyMatch(route -> route.getAnnotationMetadata().hasAnnotation(PublicEndpoint.class));
        }
    }
}
