package io.strata.adapters.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.NotFoundProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.identity.UpsertProfileUseCase;
import io.strata.application.identity.UserQueries;
import io.strata.domain.identity.UserProfile;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;

/** The 1:1 profile of a user: read, and create-or-replace with PUT. */
@Controller(UserController.BASE + "/{id}/profile")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
@CommonProblems
@NotFoundProblem
public class UserProfileController {
    private final UserQueries users;
    private final UpsertProfileUseCase upsertProfile;
    private final UserWebMapper mapper;

    public UserProfileController(UserQueries users, UpsertProfileUseCase upsertProfile, UserWebMapper mapper) {
        this.users = users;
        this.upsertProfile = upsertProfile;
        this.mapper = mapper;
    }

    @Get
    @Operation(summary = "Get a user's profile (self, MANAGER, ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The profile; ETag set",
            content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    public HttpResponse<ProfileResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        UserProfile profile = users.getProfile(actor, new UserId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(profile)), profile.version());
    }

    @Put
    @Operation(
            summary = "Create or replace a user's profile (self or ADMIN)",
            description =
                    "Creates it (201) when there is none; replacing an existing one needs If-Match (428 without).")
    @ApiResponse(
            responseCode = "200",
            description = "Replaced; new ETag",
            content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = ProfileResponse.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Another user's profile (not ADMIN)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @VersionProblems
    public HttpResponse<ProfileResponse> put(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH)
                    @Nullable @Parameter(description = "Required when the profile exists: its ETag")
                    String ifMatch,
            @Body ProfileRequest body) {
        UpsertProfileUseCase.Result result = upsertProfile.upsert(new UpsertProfileUseCase.Command(
                actor,
                new UserId(id),
                ETags.optionalIfMatch(ifMatch),
                body.bio(),
                body.avatarUrl(),
                body.preferences()));
        ProfileResponse response = mapper.toResponse(result.profile());
        return ETags.tag(
                result.created()
                        ? HttpResponse.created(response, URI.create(UserController.BASE + "/" + id + "/profile"))
                        : HttpResponse.ok(response),
                result.profile().version());
    }
}
