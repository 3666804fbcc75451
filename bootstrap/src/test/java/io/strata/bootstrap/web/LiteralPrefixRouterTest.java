package io.strata.bootstrap.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.web.router.DefaultRouter;
import io.micronaut.web.router.RouteBuilder;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import io.micronaut.web.router.exceptions.DuplicateRouteException;
import io.strata.adapters.web.shared.LiteralPrefixRouter;
import io.strata.bootstrap.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The router Strata runs with finds, for any request, the route Micronaut's default router finds (built here from
 * the same route builders): every route of the application, each with the path its template describes and with
 * near misses (a trailing slash, another segment, a longer last segment, an empty variable, upper case, a doubled
 * slash), hostile paths, and the Accept and Content-Type headers that pick between routes.
 */
class LiteralPrefixRouterTest extends IntegrationTest {

    private static final List<String> HOSTILE_PATHS = List.of(
            "/",
            "//",
            "/api",
            "/api/",
            "/api/v1",
            "/api/v1/",
            "/API/V1/USERS",
            "/api/v1/users?x=1",
            "/api/v1/users/?",
            "/api/v1/users/a/b/c",
            "/%2e%2e/api/v1/users",
            "/api/v1/users/%7Bid%7D",
            "/api/v1/users/{id}",
            "/health/",
            "/health//",
            "/api/v1//users",
            "/api/v1/users/%00",
            "/api/v1/projects/x/tasks/",
            "/openapi.json?x",
            "/api/v1/users/\u00e9t\u00e9");

    @Test
    void findsTheRouteTheDefaultRouterFindsForEveryRouteAndNearMiss() {
        Router strata = bean(Router.class);
        assertThat(strata).isInstanceOf(LiteralPrefixRouter.class);
        DefaultRouter reference = new DefaultRouter(context.getBeansOfType(RouteBuilder.class));

        Set<String> paths = new LinkedHashSet<>(HOSTILE_PATHS);
        Set<HttpMethod> methods = new LinkedHashSet<>();
        reference.uriRoutes().forEach(route -> {
            methods.add(route.getHttpMethod());
            paths.addAll(nearMisses(route));
        });
        assertThat(methods).contains(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE);

        int compared = 0;
        int found = 0;
        for (HttpMethod method : methods) {
            for (String path : paths) {
                for (Consumer<MutableHttpRequest<?>> headers : headerVariants(method)) {
                    MutableHttpRequest<?> request;
                    try {
                        request = HttpRequest.create(method, path);
                    } catch (RuntimeException notAUri) {
                        continue;
                    }
                    headers.accept(request);
                    String expected = describe(() -> reference.findClosest(request));
                    assertThat(describe(() -> strata.findClosest(request)))
                            .as("%s %s %s", method, path, request.getHeaders().asMap())
                            .isEqualTo(expected);
                    compared++;
                    if (!expected.equals("none")) {
                        found++;
                    }
                }
            }
        }
        assertThat(found).as("requests that found a route").isGreaterThan(200);
        assertThat(compared).isGreaterThan(found);
    }

    @Test
    void aPathOfNoRouteIsStillA404ProblemAndAKnownOneStillServes() {
        var missing =
                api().get("/api/v1/no-such-thing").token(adminToken()).send().expect(404);
        assertThat(missing.header("content-type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(MediaType.APPLICATION_JSON_PROBLEM));

        api().get("/api/v1/users/me/").token(adminToken()).send().expect(200);
        api().method("PUT", "/api/v1/users/me").token(adminToken()).send().expect(405);
    }

    /** The template's own path (every variable a value), then the near misses a prefix test could get wrong. */
    private static List<String> nearMisses(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().getTemplateString();
        String path = template.replaceAll("\\{[?&#][^}]*}", "").replaceAll("\\{[^}]*}", "v0");
        String emptied = template.replaceAll("\\{[?&#][^}]*}", "").replaceAll("\\{[^}]*}", "");
        List<String> paths = new ArrayList<>();
        for (String variant : List.of(
                path, path + "/", path + "/x", path + "x", emptied, path.toUpperCase(), "/" + path, path + "?q=1")) {
            if (!variant.isEmpty()) {
                paths.add(variant);
            }
        }
        return paths;
    }

    private static List<Consumer<MutableHttpRequest<?>>> headerVariants(HttpMethod method) {
        List<Consumer<MutableHttpRequest<?>>> variants = new ArrayList<>(List.of(
                request -> {},
                request -> request.accept(MediaType.APPLICATION_JSON_TYPE),
                request -> request.accept(MediaType.TEXT_HTML_TYPE),
                request -> request.accept(MediaType.APPLICATION_JSON_PROBLEM_TYPE)));
        if (method.permitsRequestBody()) {
            variants.add(request -> request.contentType(MediaType.APPLICATION_JSON_TYPE));
            variants.add(request -> request.contentType(MediaType.TEXT_PLAIN_TYPE));
            variants.add(request -> request.contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
            variants.add(request -> request.contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE));
            variants.add(request -> request.contentType("application/merge-patch+json"));
        }
        return variants;
    }

    private static String describe(java.util.function.Supplier<UriRouteMatch<Object, Object>> lookup) {
        try {
            UriRouteMatch<Object, Object> match = lookup.get();
            return match == null ? "none" : match.getRouteInfo() + " " + match.getVariableValues();
        } catch (DuplicateRouteException ambiguous) {
            return "ambiguous: " + ambiguous.getMessage();
        }
    }
}
