package io.strata.adapters.web.shared.openapi;

import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** 429: too many attempts from this client or for this account; retry after {@code Retry-After}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(
        responseCode = "429",
        description = "Too many attempts; see Retry-After",
        headers =
                @Header(
                        name = "Retry-After",
                        description = "Seconds to wait before retrying",
                        schema = @Schema(type = "integer")),
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface ThrottledProblem {}
