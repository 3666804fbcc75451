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

/**
 * The problems every operation under {@code /api} can answer, documented as RFC 9457 problem responses: 400
 * (unreadable or invalid input; the problem names each field), 401 (no or an invalid bearer token; public
 * operations check a token when one is sent) and 503 (the database is unavailable, or the server is stopping).
 * Put it on every API controller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(
        responseCode = "400",
        description = "Invalid input; errors[] names each offending field",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "401",
        description = "Missing or invalid bearer token",
        headers =
                @Header(
                        name = "WWW-Authenticate",
                        description = "Bearer realm=\"strata\"",
                        schema = @Schema(type = "string")),
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "503",
        description = "The database is unavailable, or the server is stopping",
        headers =
                @Header(
                        name = "Retry-After",
                        description = "Seconds to wait before retrying",
                        schema = @Schema(type = "integer")),
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface CommonProblems {}
