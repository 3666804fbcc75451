package io.strata.adapters.web.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * RFC 9457 problem details, the body of every error response ({@code application/problem+json}).
 * {@code errors} lists the offending fields of a validation problem and is omitted otherwise.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; every error response has this body")
public record Problem(
        @Schema(description = "Stable problem type URI, e.g. urn:strata:problem:validation")
        String type,

        @Schema(description = "Short summary of the problem type")
        String title,

        @Schema(description = "HTTP status code") int status,

        @Schema(description = "What went wrong in this occurrence and, where useful, what is allowed")
        String detail,

        @Schema(description = "Path of the request that failed") @Nullable String instance,

        @Schema(description = "Offending fields (validation problems only)") @Nullable List<FieldProblem> errors) {

    public Problem {
        errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** One offending field; {@code field} is null when the message concerns the request as a whole. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "FieldProblem")
    public record FieldProblem(@Nullable String field, String message) {}
}
