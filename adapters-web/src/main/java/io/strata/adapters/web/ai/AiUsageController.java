package io.strata.adapters.web.ai;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.application.ai.AiInteractionQueries;
import io.strata.application.ai.RepriceInteractionsUseCase;
import io.strata.domain.ai.RepriceResult;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The usage report (the caller's usage; ADMIN: everyone's) and repricing (ADMIN). */
@Controller("/api/v1/ai")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "AI usage")
@CommonProblems
public class AiUsageController {
    private final AiInteractionQueries interactions;
    private final RepriceInteractionsUseCase reprice;
    private final AiWebMapper mapper;

    public AiUsageController(
            AiInteractionQueries interactions, RepriceInteractionsUseCase reprice, AiWebMapper mapper) {
        this.interactions = interactions;
        this.reprice = reprice;
        this.mapper = mapper;
    }

    @Get("/usage")
    @Operation(
            summary = "Usage report grouped by day, model, module or user",
            description = "Per group and in total: interactions, errors, tokens by kind, exact cost (USD string), "
                    + "unpriced interactions, and the exact p50/p95 latency (continuous percentiles), all computed "
                    + "in the database. Days are calendar days in zone (default UTC). A non-ADMIN sees their own "
                    + "usage only (403 when naming another userId).")
    @ApiResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = UsageReportResponse.class)))
    @ApiResponse(
            responseCode = "403",
            description = "A non-ADMIN asked for another user's usage",
            content =
                    @Content(
                            mediaType = io.strata.adapters.web.shared.Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = io.strata.adapters.web.shared.Problem.class)))
    public UsageReportResponse usage(
            @Parameter(hidden = true) Actor actor,
            @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = {"day", "model", "module", "user"}))
                    String groupBy,
            @QueryValue
                    @Nullable @Parameter(
                            description = "Start (inclusive) of occurredAt: an instant, or a date (its start in zone)")
                    String from,
            @QueryValue @Nullable @Parameter(description = "End (exclusive) of occurredAt: an instant or a date")
                    String to,
            @QueryValue @Nullable @Parameter(description = "IANA time zone of the days, e.g. Europe/Paris; default UTC")
                    String zone,
            @QueryValue @Nullable @Parameter(description = "Only this model") String model,
            @QueryValue @Nullable @Parameter(description = "Only this module") String module,
            @QueryValue @Nullable @Parameter(description = "Only this user (ADMIN)", schema = @Schema(format = "uuid"))
                    String userId) {
        return mapper.toResponse(
                interactions.usage(actor, AiRequests.usage(groupBy, from, to, zone, model, module, userId)));
    }

    @Post("/reprice")
    @Operation(
            summary = "Reprice the interactions of a range from the price book (ADMIN)",
            description = "Every interaction with occurredAt in [from, to) gets the cost from the price book version "
                    + "in effect for it now; costs the client gave are kept unless includeGivenCosts. Returns how "
                    + "many changed and the exact difference.")
    @ApiResponse(
            responseCode = "200",
            description = "What changed",
            content = @Content(schema = @Schema(implementation = RepriceResponse.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Not an ADMIN",
            content =
                    @Content(
                            mediaType = io.strata.adapters.web.shared.Problems.MEDIA_TYPE,
                            schema = @Schema(implementation = io.strata.adapters.web.shared.Problem.class)))
    public RepriceResponse reprice(@Parameter(hidden = true) Actor actor, @Body RepriceRequest body) {
        RepriceResult result = reprice.reprice(new RepriceInteractionsUseCase.Command(
                actor, body.from(), body.to(), Boolean.TRUE.equals(body.includeGivenCosts())));
        return mapper.toResponse(result, body.from(), body.to());
    }
}
