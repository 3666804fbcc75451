package io.strata.adapters.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ApiDefinition;
import io.strata.adapters.web.shared.ClientAddressResolver;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.ListResponse;
import io.strata.adapters.web.shared.MergePatch;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.PublicEndpoint;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.ThrottledProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.identity.BulkUpdateUsersUseCase;
import io.strata.application.identity.ChangePasswordUseCase;
import io.strata.application.identity.ChangeUserStatusUseCase;
import io.strata.application.identity.DeleteUserUseCase;
import io.strata.application.identity.RegisterUserUseCase;
import io.strata.application.identity.UpdateUserUseCase;
import io.strata.application.identity.UserPatch;
import io.strata.application.identity.UserQueries;
import io.strata.application.identity.VerifyEmailUseCase;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserSearch;
import io.strata.domain.identity.UserStatus;
import io.strata.domain.identity.UserWithProfile;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Users: sign-up, reads, search, merge-patch updates, lifecycle actions, bulk and batch operations.
 * Thin: parses the request, calls one use case, maps the result. Authorization is decided in the
 * use cases (USER/GUEST see only themselves; others are 404).
 */
@Controller(UserController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Users")
@CommonProblems
@AccessProblems
public class UserController {
    public static final String BASE = "/api/v1/users";
    public static final String INCLUDE_PROFILE = "profile";
    public static final int DEFAULT_TAG_LIMIT = 50;
    static final String IF_MATCH_DOC = "ETag of the version being changed, e.g. \"3\" (428 when missing)";

    private final RegisterUserUseCase registerUser;
    private final UserQueries users;
    private final UpdateUserUseCase updateUser;
    private final DeleteUserUseCase deleteUser;
    private final ChangeUserStatusUseCase changeStatus;
    private final VerifyEmailUseCase verifyEmail;
    private final ChangePasswordUseCase changePassword;
    private final BulkUpdateUsersUseCase bulkUpdate;
    private final UserWebMapper mapper;
    private final ClientAddressResolver client;

    public UserController(
            RegisterUserUseCase registerUser,
            UserQueries users,
            UpdateUserUseCase updateUser,
            DeleteUserUseCase deleteUser,
            ChangeUserStatusUseCase changeStatus,
            VerifyEmailUseCase verifyEmail,
            ChangePasswordUseCase changePassword,
            BulkUpdateUsersUseCase bulkUpdate,
            UserWebMapper mapper,
            ClientAddressResolver client) {
        this.registerUser = registerUser;
        this.users = users;
        this.updateUser = updateUser;
        this.deleteUser = deleteUser;
        this.changeStatus = changeStatus;
        this.verifyEmail = verifyEmail;
        this.changePassword = changePassword;
        this.bulkUpdate = bulkUpdate;
        this.mapper = mapper;
        this.client = client;
    }

    @Post
    @PublicEndpoint
    @SecurityRequirement(name = "")
    @SecurityRequirement(name = ApiDefinition.BEARER)
    @Operation(
            summary = "Register a user",
            description = "Public sign-up (role USER), throttled per client IP (429 with Retry-After). An ADMIN "
                    + "(bearer token) may choose another role and is not throttled. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "E-mail or username taken",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ThrottledProblem
    public HttpResponse<UserResponse> register(
            HttpRequest<?> request, @Parameter(hidden = true) @Nullable Actor actor, @Body RegisterUserRequest body) {
        User user = registerUser.register(new RegisterUserUseCase.Command(
                actor,
                body.email(),
                body.username(),
                body.password(),
                body.firstName(),
                body.lastName(),
                RequestValues.enumValue("role", body.role(), Role.class),
                body.tags(),
                body.preferences(),
                client.clientIp(request)));
        return ETags.tag(
                HttpResponse.created(mapper.toResponse(user), location(user.id().value())), user.version());
    }

    @Get
    @Operation(
            summary = "Search users (MANAGER, ADMIN)",
            description = "Paging, sorting and filters (field=op.value) as the parameters list them.")
    public PageResponse<UserResponse> search(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = UserSearch.class, q = "username, e-mail and full name") ListQuery query) {
        return PageResponse.of(users.search(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/me")
    @Operation(summary = "The caller's own user", description = "?include=profile embeds the profile")
    @ApiResponse(
            responseCode = "200",
            description = "The user; ETag set",
            content = @Content(schema = @Schema(implementation = UserWithProfileResponse.class)))
    public HttpResponse<?> me(
            @Parameter(hidden = true) Actor actor,
            @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = INCLUDE_PROFILE)) String include) {
        return show(actor, actor.userId(), include);
    }

    @Get("/{id}")
    @Operation(summary = "Get a user", description = "?include=profile embeds the profile (one query)")
    @ApiResponse(
            responseCode = "200",
            description = "The user; ETag set",
            content = @Content(schema = @Schema(implementation = UserWithProfileResponse.class)))
    public HttpResponse<?> get(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @QueryValue @Nullable @Parameter(schema = @Schema(allowableValues = INCLUDE_PROFILE)) String include) {
        return show(actor, new UserId(id), include);
    }

    @Patch("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Update a user (JSON Merge Patch)",
            description = "Self: firstName, lastName, tags, preferences; ADMIN also role and status. "
                    + "Requires If-Match with the ETag read.")
    @RequestBody(
            content = {
                @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = UserPatchRequest.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = UserPatchRequest.class))
            })
    @ApiResponse(
            responseCode = "200",
            description = "Updated; new ETag",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @VersionProblems
    public HttpResponse<UserResponse> patch(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch,
            @Body @Parameter(hidden = true) JsonNode body) {
        long expected = ETags.requireIfMatch(ifMatch);
        User user = updateUser.update(new UpdateUserUseCase.Command(actor, new UserId(id), expected, userPatch(body)));
        return ok(user);
    }

    /** The merge patch read against its declaration, {@link UserPatchRequest}. */
    static UserPatch userPatch(JsonNode body) {
        return MergePatch.of(body, UserPatchRequest.class)
                .build(p -> new UserPatch(
                        p.text("firstName"),
                        p.text("lastName"),
                        p.stringSet("tags"),
                        p.object("preferences"),
                        p.enumValue("role", Role.class),
                        p.enumValue("status", UserStatus.class)));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Delete a user (ADMIN)",
            description = "Also deletes the profile and sessions. Requires If-Match.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @VersionProblems
    public void delete(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        deleteUser.delete(new DeleteUserUseCase.Command(actor, new UserId(id), expected));
    }

    @Post("/{id}/activate")
    @Operation(summary = "Activate a user (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The user; new ETag",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public HttpResponse<UserResponse> activate(@Parameter(hidden = true) Actor actor, UUID id) {
        return ok(changeStatus.changeStatus(
                new ChangeUserStatusUseCase.Command(actor, new UserId(id), UserStatus.ACTIVE)));
    }

    @Post("/{id}/deactivate")
    @Operation(summary = "Deactivate a user (ADMIN)", description = "Revokes the user's sessions")
    @ApiResponse(
            responseCode = "200",
            description = "The user; new ETag",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    public HttpResponse<UserResponse> deactivate(@Parameter(hidden = true) Actor actor, UUID id) {
        return ok(changeStatus.changeStatus(
                new ChangeUserStatusUseCase.Command(actor, new UserId(id), UserStatus.INACTIVE)));
    }

    @Post("/{id}/email-verification")
    @Operation(summary = "Mark a user's e-mail verified (ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The user; new ETag",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Already verified",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<UserResponse> verifyEmail(@Parameter(hidden = true) Actor actor, UUID id) {
        return ok(verifyEmail.verifyEmail(new VerifyEmailUseCase.Command(actor, new UserId(id))));
    }

    @Post("/me/password")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password", description = "Checks the current password; revokes my other sessions")
    @ApiResponse(responseCode = "204", description = "Changed")
    public void changePassword(
            @Parameter(hidden = true) Actor actor,
            @Parameter(hidden = true) SessionId currentSession,
            @Body @Valid ChangePasswordRequest body) {
        changePassword.changePassword(
                new ChangePasswordUseCase.Command(actor, currentSession, body.currentPassword(), body.newPassword()));
    }

    @Get("/tags")
    @Operation(summary = "Tag counts over active users (MANAGER, ADMIN)", description = "Most used first")
    public ListResponse<TagCountResponse> tags(
            @Parameter(hidden = true) Actor actor,
            @QueryValue
                    @Nullable @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50"))
                    Integer limit) {
        return new ListResponse<>(users.tagCounts(actor, limit == null ? DEFAULT_TAG_LIMIT : limit).stream()
                .map(mapper::toResponse)
                .toList());
    }

    @Get("/stats")
    @Operation(summary = "User statistics (MANAGER, ADMIN)")
    public UserStatisticsResponse stats(@Parameter(hidden = true) Actor actor) {
        return mapper.toResponse(users.statistics(actor));
    }

    @Post("/bulk-update")
    @Operation(summary = "Change status, role and/or tags of many users (ADMIN)")
    public BulkUpdateResponse bulkUpdate(@Parameter(hidden = true) Actor actor, @Body BulkUpdateUsersRequest body) {
        List<UserId> ids = body.ids() == null
                ? null // the use case reports it
                : RequestValues.uuids("ids", body.ids(), BulkUpdateUsersUseCase.MAX_IDS).stream()
                        .map(UserId::new)
                        .toList();
        int affected = bulkUpdate.bulkUpdate(new BulkUpdateUsersUseCase.Command(
                actor,
                ids,
                RequestValues.enumValue("status", body.status(), UserStatus.class),
                RequestValues.enumValue("role", body.role(), Role.class),
                body.addTags() == null ? Set.of() : body.addTags(),
                body.removeTags() == null ? Set.of() : body.removeTags()));
        return new BulkUpdateResponse(affected);
    }

    @Get("/batch")
    @Operation(
            summary = "Users with profiles by ids (one query)",
            description = "ids=a,b,c (up to 200). Unknown or invisible ids are left out.")
    @Parameter(
            name = "ids",
            in = ParameterIn.QUERY,
            required = true,
            description = "comma-separated UUIDs",
            schema = @Schema(implementation = String.class))
    public ListResponse<UserWithProfileResponse> batch(@Parameter(hidden = true) Actor actor, HttpRequest<?> request) {
        List<UserId> ids =
                RequestValues.uuids("ids", request.getParameters().getAll("ids"), UserQueries.MAX_BATCH).stream()
                        .map(UserId::new)
                        .toList();
        return new ListResponse<>(
                users.batchGet(actor, ids).stream().map(mapper::toResponse).toList());
    }

    private HttpResponse<?> show(Actor actor, UserId id, @Nullable String include) {
        if (include == null || include.isBlank()) {
            return ok(users.get(actor, id));
        }
        if (!INCLUDE_PROFILE.equals(include.strip())) {
            throw new ValidationException(
                    "include", "'" + include + "' cannot be included; allowed: " + INCLUDE_PROFILE);
        }
        UserWithProfile found = users.getWithProfile(actor, id);
        return ETags.tag(HttpResponse.ok(mapper.toResponse(found)), found.user().version());
    }

    private MutableHttpResponse<UserResponse> ok(User user) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(user)), user.version());
    }

    static URI location(UUID id) {
        return URI.create(BASE + "/" + id);
    }
}
