package io.strata.bootstrap.ops;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import io.strata.adapters.web.shared.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Public API documentation: {@code GET /openapi.yml} serves the generated OpenAPI document (also available under
 * {@code /openapi/<file>.yml} as a static resource) and {@code GET /docs} an interactive Swagger UI page whose
 * assets come from the swagger-ui webjar (mapped to {@code /docs/assets/**} in application.yml).
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

    private final Optional<OpenApiDocument> document;

    public DocsController() {
        this.document = OpenApiDocument.locate(DocsController.class.getClassLoader());
    }

    @Get("/docs")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<byte[]> docs() {
        return HttpResponse.ok(DOCS_PAGE).contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get("/openapi.yml")
    @Produces({YAML, Problems.MEDIA_TYPE})
    public HttpResponse<?> openApi(HttpRequest<?> request) {
        if (document.isEmpty()) {
            return Problems.forStatus(request, HttpStatus.NOT_FOUND,
                    "No OpenAPI document was generated (no META-INF/swagger/*.yml on the classpath)");
        }
        return HttpResponse.ok(document.get().content()).contentType(YAML).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
