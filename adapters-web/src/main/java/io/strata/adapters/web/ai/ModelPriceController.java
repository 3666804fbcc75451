package io.strata.adapters.web.ai;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.ai.ManagePriceBookUseCase;
import io.strata.application.ai.ModelPriceQueries;
import io.strata.domain.ai.ModelPrice;
import io.strata.domain.ai.ModelPriceId;
import io.strata.domain.ai.ModelPriceSearch;
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
 * The versioned price book: every signed-in user reads it, an ADMIN adds versions and removes unused ones. A
 * version never changes; a new price is a new version with a later effectiveFrom.
 */
@Controller(ModelPriceController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "AI usage")
@CommonProblems
@AccessProblems
public class ModelPriceController {
    public static final String BASE = "/api/v1/ai/prices";

    private final ManagePriceBookUseCase priceBook;
    private final ModelPriceQueries prices;
    private final AiWebMapper mapper;

    public ModelPriceController(ManagePriceBookUseCase priceBook, ModelPriceQueries prices, AiWebMapper mapper) {
        this.priceBook = priceBook;
        this.prices = prices;
        this.mapper = mapper;
    }

    @Post
    @Operation(
            summary = "Add a price book version (ADMIN)",
            description = "model is a model name or a pattern (* matches any characters). The price in effect for a "
                    + "model at an instant: an exact model before a pattern, a longer pattern before a shorter one, "
                    + "then the latest effectiveFrom not after the instant. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Added; Location and ETag set",
            content = @Content(schema = @Schema(implementation = ModelPriceResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "A version of this model or pattern with the same effectiveFrom exists",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ModelPriceResponse> add(
            @Parameter(hidden = true) Actor actor, @Body AddModelPriceRequest body) {
        ModelPrice price = priceBook.add(new ManagePriceBookUseCase.AddCommand(
                actor,
                body.model(),
                body.inputPerMillion(),
                body.cachedInputPerMillion(),
                body.outputPerMillion(),
                body.effectiveFrom()));
        return ETags.tag(
                HttpResponse.created(mapper.toResponse(price), URI.create(BASE + "/" + price.id())), price.version());
    }

    @Get
    @Operation(summary = "List the price book", description = "Default order: model, then newest version first.")
    public PageResponse<ModelPriceResponse> search(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = ModelPriceSearch.class, q = "model") ListQuery query) {
        return PageResponse.of(prices.search(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/{id}")
    @Operation(summary = "Get a price book version")
    @ApiResponse(
            responseCode = "200",
            description = "The version; ETag set",
            content = @Content(schema = @Schema(implementation = ModelPriceResponse.class)))
    public HttpResponse<ModelPriceResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        ModelPrice price = prices.get(actor, new ModelPriceId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(price)), price.version());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Remove a price book version no interaction was priced from (ADMIN)",
            description = "Requires If-Match.")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(
            responseCode = "409",
            description = "Interactions were priced from this version",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @VersionProblems
    public void remove(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable @Parameter(required = true, description = "ETag of the version, e.g. \"0\"")
                    String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        priceBook.remove(actor, new ModelPriceId(id), expected);
    }
}
