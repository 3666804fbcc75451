package io.strata.adapters.web.shared;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Root of the generated OpenAPI document ({@code META-INF/swagger/*.yml}, served by bootstrap). */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Strata API",
                        version = "1.0",
                        description = "Strata REST API. Errors are RFC 9457 application/problem+json. Lists take "
                                + "limit/cursor (or page/size), sort=-a,b, q and filters field=op.value. Single resources "
                                + "carry ETag; PATCH/PUT/DELETE need If-Match. Creating POSTs honour Idempotency-Key."),
        security = @SecurityRequirement(name = ApiDefinition.BEARER))
@SecurityScheme(
        name = ApiDefinition.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "opaque",
        description = "Token from POST /api/v1/sessions")
public final class ApiDefinition {
    public static final String BEARER = "bearerAuth";

    private ApiDefinition() {}
}
