package io.strata.adapters.web.community;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import io.strata.adapters.web.shared.openapi.StaleVersionProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.community.CaseQueries;
import io.strata.application.community.ChangeCaseUseCase;
import io.strata.application.community.OpenCaseUseCase;
import io.strata.domain.community.CaseSearch;
import io.strata.domain.community.ModerationCase;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;

/** A guild's moderation cases, numbered 1, 2, ... per guild; opened and changed by the guild's bot for moderators. */
@Controller(GuildController.BASE + "/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
@CommonProblems
@AccessProblems
public class CaseController {
    private final OpenCaseUseCase openCase;
    private final ChangeCaseUseCase changeCase;
    private final CaseQueries cases;
    private final CommunityWebMapper mapper;

    public CaseController(
            OpenCaseUseCase openCase, ChangeCaseUseCase changeCase, CaseQueries cases, CommunityWebMapper mapper) {
        this.openCase = openCase;
        this.changeCase = changeCase;
        this.cases = cases;
        this.mapper = mapper;
    }

    @Post
    @Operation(
            summary = "Open a moderation case against a member",
            description = "It gets the guild's next number (no gaps, no duplicates under concurrency).")
    @ApiResponse(
            responseCode = "201",
            description = "The case; ETag and Location set",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    public HttpResponse<CaseResponse> open(
            @Parameter(hidden = true) Actor actor, long guildId, @Body CaseRequest body) {
        if (body.userId() == null) {
            throw new ValidationException("userId", "is required");
        }
        if (body.moderatorId() == null) {
            throw new ValidationException("moderatorId", "is required");
        }
        ModerationCase opened = openCase.open(new OpenCaseUseCase.Command(
                actor,
                guildId,
                body.userId(),
                CommunityRequests.caseType(body.type()),
                body.reason(),
                body.moderatorId(),
                body.expiresAt()));
        return ETags.tag(
                HttpResponse.created(
                        mapper.toResponse(opened),
                        URI.create("/api/v1/guilds/" + guildId + "/cases/" + opened.number())),
                opened.version());
    }

    @Get
    @Operation(
            summary = "List a guild's cases",
            description = "Filters: type, active, moderatorId, memberId (user ids); newest first by default.")
    public PageResponse<CaseResponse> list(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            @ListParameters(value = CaseSearch.class, q = "reason") ListQuery query) {
        return PageResponse.of(cases.search(actor, guildId, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/{number}")
    @Operation(summary = "Get a case")
    @ApiResponse(
            responseCode = "200",
            description = "The case; ETag set",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    public HttpResponse<CaseResponse> get(@Parameter(hidden = true) Actor actor, long guildId, long number) {
        return ok(cases.get(actor, guildId, number));
    }

    @Get("/{number}/reasons")
    @Operation(summary = "Every reason a case had, oldest first")
    @ApiResponse(
            responseCode = "200",
            description = "The revisions",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = CaseReasonResponse.class))))
    public List<CaseReasonResponse> reasons(@Parameter(hidden = true) Actor actor, long guildId, long number) {
        return cases.reasonHistory(actor, guildId, number).stream()
                .map(mapper::toResponse)
                .toList();
    }

    @Post("/{number}/resolve")
    @Operation(summary = "Resolve a case", description = "If-Match is optional.")
    @ApiResponse(
            responseCode = "200",
            description = "The case; new ETag",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Resolved already",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @StaleVersionProblem
    public HttpResponse<CaseResponse> resolve(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            long number,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(description = GuildController.OPTIONAL_IF_MATCH_DOC)
                    String ifMatch,
            @Body CaseChangeRequest body) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        return ok(changeCase.resolve(command(actor, guildId, number, expected, body)));
    }

    @Put("/{number}/reason")
    @Operation(
            summary = "Edit a case's reason",
            description = "The earlier reasons stay in /reasons. Requires If-Match with the ETag read.")
    @ApiResponse(
            responseCode = "200",
            description = "The case; new ETag",
            content = @Content(schema = @Schema(implementation = CaseResponse.class)))
    @VersionProblems
    public HttpResponse<CaseResponse> editReason(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            long number,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable @Parameter(required = true, description = GuildController.IF_MATCH_DOC)
                    String ifMatch,
            @Body CaseChangeRequest body) {
        long expected = ETags.requireIfMatch(ifMatch);
        return ok(changeCase.editReason(command(actor, guildId, number, expected, body), body.reason()));
    }

    private static ChangeCaseUseCase.Command command(
            Actor actor, long guildId, long number, Long expected, CaseChangeRequest body) {
        if (body.moderatorId() == null) {
            throw new ValidationException("moderatorId", "is required");
        }
        return new ChangeCaseUseCase.Command(actor, guildId, number, expected, body.moderatorId());
    }

    private MutableHttpResponse<CaseResponse> ok(ModerationCase moderationCase) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(moderationCase)), moderationCase.version());
    }
}
