package io.strata.adapters.web.shared.openapi;

import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems of resources behind roles and visibility: 403 (the caller's role may not do this; the operation's
 * summary says who may) and 404 (unknown, or not visible to the caller: what a caller may not see does not exist
 * for them).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "404",
        description = "Unknown, or not visible to the caller",
        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public @interface AccessProblems {}
