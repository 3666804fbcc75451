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

/** 412 for an operation where {@code If-Match} is optional: given, and not the current version. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(
        responseCode = "412",
        description = "If-Match given and not the current version",
        headers = @Header(name = "ETag", description = "The current version", schema = @Schema(type = "string")),
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface StaleVersionProblem {}
