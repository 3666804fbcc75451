package io.strata.adapters.web.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.DefaultRouter;
import io.micronaut.web.router.RouteBuilder;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Micronaut's router, finding a request's route among the few whose literal start the path has. {@link DefaultRouter}
 * tries every route of the method in turn (its media types, its conditions, then its URI template): with Strata's
 * ~50 GET routes that was 7% of the CPU of a GET /users/{id} (JFR, {@code bench/run profile users}), where the raw
 * JDBC baseline, with a handful of routes, pays almost nothing. A template can only match a path that starts with
 * the template's text before its first variable (its matcher compares that literal first), so the routes whose
 * literal the path does not start with are skipped before anything else; the rest are checked exactly as
 * {@code DefaultRouter#findInternal} checks them. Only the one lookup on every request's path is replaced: several
 * matches (ambiguity, resolved by media type), custom methods and every other lookup are the default router's own.
 */
@Singleton
@Replaces(DefaultRouter.class)
public class LiteralPrefixRouter extends DefaultRouter {

    private final Map<HttpMethod, Candidate[]> byMethod = new EnumMap<>(HttpMethod.class);
    private volatile Set<Integer> ports;

    @Inject
    public LiteralPrefixRouter(Collection<RouteBuilder> builders) {
        super(builders);
        // uriRoutes() lists every route twice (two streams over the same arrays): keep each once, in order
        Map<UriRouteInfo<?, ?>, Boolean> seen = new IdentityHashMap<>();
        Map<HttpMethod, List<Candidate>> grouped = new EnumMap<>(HttpMethod.class);
        uriRoutes().forEach(route -> {
            if (route.getHttpMethod() != HttpMethod.CUSTOM && seen.put(route, Boolean.TRUE) == null) {
                @SuppressWarnings("unchecked")
                UriRouteInfo<Object, Object> info = (UriRouteInfo<Object, Object>) route;
                grouped.computeIfAbsent(route.getHttpMethod(), method -> new ArrayList<>())
                        .add(new Candidate(
                                literalPrefix(route.getUriMatchTemplate().getTemplateString()), info));
            }
        });
        grouped.forEach((method, routes) -> byMethod.put(method, routes.toArray(Candidate[]::new)));
    }

    /** The template's text before its first expression: what its matcher compares first, character for character. */
    static String literalPrefix(String template) {
        int expression = template.indexOf('{');
        return expression < 0 ? template : template.substring(0, expression);
    }

    @Override
    public void applyDefaultPorts(List<Integer> ports) {
        super.applyDefaultPorts(ports);
        this.ports = Set.copyOf(ports);
    }

    @Override
    public <T, R> UriRouteMatch<T, R> findClosest(@NonNull HttpRequest<?> request) {
        Candidate[] candidates = byMethod.get(request.getMethod());
        String path = request.getPath();
        String matched = matchedForm(path);
        if (candidates == null || !matched.startsWith("/")) {
            return super.findClosest(request); // a custom method, or a path the default router alone should judge
        }
        Checks checks = new Checks(request);
        UriRouteMatch<T, R> found = null;
        for (Candidate candidate : candidates) {
            if (!matched.startsWith(candidate.literal) || !checks.accept(candidate.route)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            UriRouteMatch<T, R> match = (UriRouteMatch<T, R>) candidate.route.tryMatch(path);
            if (match != null) {
                if (found != null) {
                    return super.findClosest(request); // ambiguous: the default router resolves it by media type
                }
                found = match;
            }
        }
        return found;
    }

    /** The path as a URI template's matcher compares it: without a trailing slash, nor anything from a '?'. */
    static String matchedForm(String path) {
        String uri = withoutTrailingSlash(path);
        int query = uri.indexOf('?');
        return query < 0 ? uri : withoutTrailingSlash(uri.substring(0, query));
    }

    private static String withoutTrailingSlash(String uri) {
        int length = uri.length();
        return length > 1 && uri.charAt(length - 1) == '/' ? uri.substring(0, length - 1) : uri;
    }

    private record Candidate(String literal, UriRouteInfo<Object, Object> route) {}

    /** DefaultRouter's checks of a route against the request, in its order; headers parsed once, when first needed. */
    private final class Checks {
        private final HttpRequest<?> request;
        private final boolean permitsBody;
        private MediaType contentType;
        private boolean contentTypeRead;
        private Collection<MediaType> accepted;
        private boolean acceptedRead;

        Checks(HttpRequest<?> request) {
            this.request = request;
            this.permitsBody = request.getMethod().permitsRequestBody();
        }

        boolean accept(UriRouteInfo<Object, Object> route) {
            Set<Integer> served = ports;
            if (served != null
                    && route.getPort() == null
                    && !served.contains(request.getServerAddress().getPort())) {
                return false;
            }
            if (permitsBody) {
                if (!route.isPermitsRequestBody()) {
                    return false;
                }
                if (!route.consumesAll()) {
                    if (!contentTypeRead) {
                        contentType = request.getContentType().orElse(null);
                        contentTypeRead = true;
                    }
                    if (!route.doesConsume(contentType)) {
                        return false;
                    }
                }
            }
            if (!route.producesAll()) {
                if (!acceptedRead) {
                    accepted = request.accept();
                    acceptedRead = true;
                }
                if (!route.doesProduce(accepted)) {
                    return false;
                }
            }
            return route.matching(request);
        }
    }
}
