package io.strata.adapters.web.community;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.MergePatch;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.community.GetOrCreateGuildConfigUseCase;
import io.strata.application.community.MemberQueries;
import io.strata.application.community.RecordActivityUseCase;
import io.strata.application.community.TransferPointsUseCase;
import io.strata.application.community.UpdateGuildConfigUseCase;
import io.strata.application.community.UpsertMemberUseCase;
import io.strata.domain.community.GuildConfig;
import io.strata.domain.community.Member;
import io.strata.domain.community.MemberSearch;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;

/**
 * A guild's config, members, points transfers and balances, for the guild's bot (a MANAGER user's token; see the
 * README). Guilds and members are named by the chat platform's ids.
 */
@Controller(GuildController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Community")
@CommonProblems
@AccessProblems
public class GuildController {
    public static final String BASE = "/api/v1/guilds/{guildId}";
    static final String IF_MATCH_DOC = "ETag of the version being changed, e.g. \"3\" (428 when missing)";
    static final String OPTIONAL_IF_MATCH_DOC = "Optional: ETag of the version read; 412 if it changed since";
    static final String INCLUDE_CASES = "cases";

    private final GetOrCreateGuildConfigUseCase getConfig;
    private final UpdateGuildConfigUseCase updateConfig;
    private final UpsertMemberUseCase upsertMember;
    private final RecordActivityUseCase recordActivity;
    private final TransferPointsUseCase transferPoints;
    private final MemberQueries members;
    private final CommunityWebMapper mapper;

    public GuildController(
            GetOrCreateGuildConfigUseCase getConfig,
            UpdateGuildConfigUseCase updateConfig,
            UpsertMemberUseCase upsertMember,
            RecordActivityUseCase recordActivity,
            TransferPointsUseCase transferPoints,
            MemberQueries members,
            CommunityWebMapper mapper) {
        this.getConfig = getConfig;
        this.updateConfig = updateConfig;
        this.upsertMember = upsertMember;
        this.recordActivity = recordActivity;
        this.transferPoints = transferPoints;
        this.members = members;
        this.mapper = mapper;
    }

    @Get("/config")
    @Operation(
            summary = "Get a guild's config, created with the defaults on the first request",
            description = "Served from an in-process cache that every instance drops when the config changes. "
                    + "Any number of concurrent first requests create one row.")
    @ApiResponse(
            responseCode = "200",
            description = "The config; ETag set",
            content = @Content(schema = @Schema(implementation = GuildConfigResponse.class)))
    public HttpResponse<GuildConfigResponse> getConfig(@Parameter(hidden = true) Actor actor, long guildId) {
        return ok(getConfig.getOrCreate(actor, guildId));
    }

    @Patch("/config")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Update a guild's config (JSON Merge Patch)",
            description = "Patchable: name, prefix, settings, maxPoints. Requires If-Match with the ETag read.")
    @RequestBody(
            content = {
                @Content(
                        mediaType = MergePatch.MEDIA_TYPE,
                        schema = @Schema(implementation = GuildConfigPatchRequest.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = GuildConfigPatchRequest.class))
            })
    @ApiResponse(
            responseCode = "200",
            description = "Updated; new ETag",
            content = @Content(schema = @Schema(implementation = GuildConfigResponse.class)))
    @VersionProblems
    public HttpResponse<GuildConfigResponse> patchConfig(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch,
            @Body @Parameter(hidden = true) JsonNode body) {
        long expected = ETags.requireIfMatch(ifMatch);
        GuildConfig.Change change = CommunityRequests.configChange(body);
        return ok(updateConfig.update(new UpdateGuildConfigUseCase.Command(actor, guildId, expected, change)));
    }

    @Put("/members/{userId}")
    @Operation(
            summary = "Add a member, or update its username",
            description = "By (guild, user id): the first call creates the member (and the guild if it is new), "
                    + "later calls rename it.")
    @ApiResponse(
            responseCode = "200",
            description = "The member; ETag set",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    public HttpResponse<MemberResponse> upsertMember(
            @Parameter(hidden = true) Actor actor, long guildId, long userId, @Body MemberRequest body) {
        return ok(upsertMember.upsert(actor, guildId, userId, body.username()));
    }

    @Get("/members/{userId}")
    @Operation(summary = "Get a member", description = "?include=cases adds the member's moderation cases (one query).")
    @ApiResponse(
            responseCode = "200",
            description = "The member; ETag set",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    public HttpResponse<MemberResponse> getMember(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            long userId,
            @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = INCLUDE_CASES)) String include) {
        if (include != null && !include.isBlank()) {
            if (!INCLUDE_CASES.equals(include.strip())) {
                throw new ValidationException(
                        "include", "'" + include + "' cannot be included; allowed: " + INCLUDE_CASES);
            }
            var withCases = members.getWithCases(actor, guildId, userId);
            return ETags.tag(
                    HttpResponse.ok(mapper.toResponse(withCases)),
                    withCases.member().version());
        }
        return ok(members.get(actor, guildId, userId));
    }

    @Get("/members")
    @Operation(
            summary = "List a guild's members",
            description = "Top members: sort=-points or sort=-messageCount (keyset pages). "
                    + "hasActiveCase=eq.true lists the members with an active moderation case.")
    public PageResponse<MemberResponse> listMembers(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            @ListParameters(value = MemberSearch.class, q = "username") ListQuery query) {
        return PageResponse.of(members.search(actor, guildId, query.criteria(), query.page()), mapper::toResponse);
    }

    @Post("/members/{userId}/activity")
    @Operation(
            summary = "Record a message of a member",
            description = "messageCount + 1 and lastActiveAt = now; concurrent calls all count.")
    @ApiResponse(
            responseCode = "200",
            description = "The member; new ETag",
            content = @Content(schema = @Schema(implementation = MemberResponse.class)))
    public HttpResponse<MemberResponse> recordActivity(
            @Parameter(hidden = true) Actor actor, long guildId, long userId) {
        return ok(recordActivity.recordActivity(actor, guildId, userId));
    }

    @Post("/transfers")
    @Operation(
            summary = "Transfer points (or adjust them: one side absent is the guild's account)",
            description = "One transaction with its ledger row. amount > 0, not to oneself; the sender needs the "
                    + "points and the receiver stays within maxPoints (409 otherwise, nothing changes). A retry "
                    + "with the same id and body returns the first result; another body with that id is a 409 "
                    + "naming the differing fields.")
    @ApiResponse(
            responseCode = "201",
            description = "The transfer with both balances after it (also for a retry of it)",
            content = @Content(schema = @Schema(implementation = TransferResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Insufficient points, over maxPoints, or the id was used with another body",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<TransferResponse> transfer(
            @Parameter(hidden = true) Actor actor, long guildId, @Body TransferRequestBody body) {
        TransferPointsUseCase.Result result = transferPoints.transfer(actor, guildId, CommunityRequests.transfer(body));
        return HttpResponse.created(mapper.toResponse(result.transfer()))
                .header("Strata-Transfer-Replayed", Boolean.toString(result.replayed()));
    }

    @Get("/balances")
    @Operation(
            summary = "Every member's balance at an instant, replayed from the ledger",
            description = "at: an ISO-8601 instant (e.g. 2026-01-31T12:00:00Z); members who joined later are absent.")
    @ApiResponse(
            responseCode = "200",
            description = "Balances by user id",
            content = @Content(schema = @Schema(implementation = BalancesResponse.class)))
    public BalancesResponse balances(
            @Parameter(hidden = true) Actor actor,
            long guildId,
            @QueryValue @Nullable @Parameter(required = true, example = "2026-01-31T12:00:00Z") String at) {
        Instant instant = CommunityRequests.instant("at", at);
        Map<Long, Long> balances = members.balancesAt(actor, guildId, instant);
        return new BalancesResponse(
                instant,
                balances.entrySet().stream()
                        .map(e -> new BalancesResponse.Balance(e.getKey(), e.getValue()))
                        .toList());
    }

    private MutableHttpResponse<GuildConfigResponse> ok(GuildConfig config) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(config)), config.version());
    }

    private MutableHttpResponse<MemberResponse> ok(Member member) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(member)), member.version());
    }
}
