package io.strata.bootstrap.ops;

import io.micronaut.core.util.SupplierUtil;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.web.router.Router;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.openapi.ListEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Public API documentation: {@code GET /openapi.yml} serves the OpenAPI document (generated at compile time, with
 * the query parameters of every list endpoint added from its allow-list on the first request: see
 * {@link OpenApiDocument#withListParameters}) and {@code GET /docs} an interactive Swagger UI page whose assets come
 * from the swagger-ui webjar (mapped to {@code /docs/assets/**} in application.yml).
 */
@Controller
public class DocsController {

    public static final String YAML = "application/yaml";

    private static final byte[] DOCS_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Strata API</title>
              <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
              <style>body { margin: 0; }</style>
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="/docs/assets/swagger-ui-bundle.js" charset="UTF-8"></script>
            <script src="/docs/assets/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
            <script>
              window.onload = function () {
                window.ui = SwaggerUIBundle({
                  url: "/openapi.yml",
                  dom_id: "#swagger-ui",
                  deepLinking: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                  layout: "StandaloneLayout"
                });
              };
            </script>
            </body>
            </html>
            """.getBytes(StandardCharsets.UTF_8);

    private final Supplier<Optional<OpenApiDocument>> document;

    public DocsController(Router router) {
        this.document = SupplierUtil.memoized(() -> OpenApiDocument.locate(DocsController.class.getClassLoader())
                .map(generated -> generated.withListParameters(ListEndpoint.of(router))));
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<byte[]> docs() {
        return HttpResponse.ok(DOCS_PAGE).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get("/openapi.yml")
    @Produces({YAML, Problems.MEDIA_TYPE})
    public HttpResponse<?> openApi(HttpRequest<?> request) {
        Optional<OpenApiDocument> served = document.get();
        if (served.isEmpty()) {
            return Problems.forStatus(
                    request,
                    HttpStatus.NOT_FOUND,
                    "No OpenAPI document was generated (no META-INF/swagger/*.yml on the classpath)");
        }
        return HttpResponse.ok(served.get().content()).contentType(YAML).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
