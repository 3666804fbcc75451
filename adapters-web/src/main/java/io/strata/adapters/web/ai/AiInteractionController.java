package io.strata.adapters.web.ai;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.NotFoundProblem;
import io.strata.application.ai.AiInteractionQueries;
import io.strata.application.ai.RecordInteractionUseCase;
import io.strata.domain.ai.AiInteraction;
import io.strata.domain.ai.AiInteractionId;
import io.strata.domain.ai.AiInteractionSearch;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;

/**
 * AI interactions: record (the caller's own), read and list. A user sees their own interactions, an ADMIN
 * everyone's; to anyone else an interaction does not exist (404), decided in the use cases.
 */
@Controller(AiInteractionController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "AI usage")
@CommonProblems
@NotFoundProblem
public class AiInteractionController {
    public static final String BASE = "/api/v1/ai/interactions";

    private final RecordInteractionUseCase record;
    private final AiInteractionQueries interactions;
    private final AiWebMapper mapper;

    public AiInteractionController(
            RecordInteractionUseCase record, AiInteractionQueries interactions, AiWebMapper mapper) {
        this.record = record;
        this.interactions = interactions;
        this.mapper = mapper;
    }

    @Post
    @Operation(
            summary = "Record an AI interaction of the caller",
            description = "Token breakdown: prompt (of which cached), completion, total = prompt + completion. "
                    + "costUsd is taken as given, else computed from the price book version in effect for the model "
                    + "at occurredAt (kept as priceVersion), else the interaction is UNPRICED until a reprice finds a "
                    + "price. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; Location and ETag set",
            content = @Content(schema = @Schema(implementation = AiInteractionResponse.class)))
    public HttpResponse<AiInteractionResponse> record(
            @Parameter(hidden = true) Actor actor, @Body RecordInteractionRequest body) {
        AiInteraction interaction = record.record(AiRequests.record(actor, body));
        return ETags.tag(
                HttpResponse.created(mapper.toResponse(interaction), URI.create(BASE + "/" + interaction.id())),
                interaction.version());
    }

    @Get
    @Operation(
            summary = "List the caller's interactions (ADMIN: everyone's)",
            description = "Paging, sorting and filters (field=op.value) as the parameters list them; a date range is "
                    + "occurredAt=gte.2026-01-01T00:00:00Z&occurredAt=lt.2026-02-01T00:00:00Z.")
    public PageResponse<AiInteractionResponse> search(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = AiInteractionSearch.class, q = "model and module") ListQuery query) {
        return PageResponse.of(interactions.search(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/{id}")
    @Operation(summary = "Get an interaction (its user, or ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The interaction; ETag set",
            content = @Content(schema = @Schema(implementation = AiInteractionResponse.class)))
    public HttpResponse<AiInteractionResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        AiInteraction interaction = interactions.get(actor, new AiInteractionId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(interaction)), interaction.version());
    }
}
