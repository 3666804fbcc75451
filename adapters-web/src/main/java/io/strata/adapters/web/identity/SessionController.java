package io.strata.adapters.web.identity;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ClientAddressResolver;
import io.strata.adapters.web.shared.ListResponse;
import io.strata.adapters.web.shared.NoIdempotencyReplay;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.PublicEndpoint;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.NotFoundProblem;
import io.strata.adapters.web.shared.openapi.ThrottledProblem;
import io.strata.application.identity.LogInUseCase;
import io.strata.application.identity.LogOutUseCase;
import io.strata.application.identity.RevokeSessionUseCase;
import io.strata.application.identity.SessionQueries;
import io.strata.domain.identity.SessionId;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;

/** Login sessions: log in (the only response with a token), list mine, log out, revoke one. */
@Controller(SessionController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sessions")
@CommonProblems
public class SessionController {
    public static final String BASE = "/api/v1/sessions";

    private final LogInUseCase logIn;
    private final LogOutUseCase logOut;
    private final RevokeSessionUseCase revokeSession;
    private final SessionQueries sessions;
    private final SessionWebMapper mapper;
    private final ClientAddressResolver client;

    public SessionController(
            LogInUseCase logIn,
            LogOutUseCase logOut,
            RevokeSessionUseCase revokeSession,
            SessionQueries sessions,
            SessionWebMapper mapper,
            ClientAddressResolver client) {
        this.logIn = logIn;
        this.logOut = logOut;
        this.revokeSession = revokeSession;
        this.sessions = sessions;
        this.mapper = mapper;
        this.client = client;
    }

    @Post
    @PublicEndpoint
    @NoIdempotencyReplay
    @SecurityRequirement(name = "")
    @Operation(
            summary = "Log in",
            description = "E-mail and password; returns a bearer token (only here, once). "
                    + "Wrong credentials and inactive accounts give the same 401; repeated failures give 429.")
    @ApiResponse(
            responseCode = "201",
            description = "Logged in",
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Wrong credentials, or an inactive account",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ThrottledProblem
    public HttpResponse<LoginResponse> logIn(HttpRequest<?> request, @Body @Valid LoginRequest body) {
        LogInUseCase.LoggedIn loggedIn = logIn.logIn(new LogInUseCase.Command(
                body.email(), body.password(), client.clientIp(request), client.userAgent(request), body.deviceInfo()));
        return HttpResponse.created(
                        mapper.toResponse(loggedIn),
                        URI.create(BASE + "/" + loggedIn.session().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(summary = "My active sessions", description = "Newest first; current marks this request's session")
    public ListResponse<SessionResponse> mine(
            @Parameter(hidden = true) Actor actor, @Parameter(hidden = true) SessionId currentSession) {
        return new ListResponse<>(sessions.mySessions(actor).stream()
                .map(s -> mapper.toResponse(s, currentSession))
                .toList());
    }

    @Delete("/current")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Log out (revoke this request's session)")
    @ApiResponse(responseCode = "204", description = "Logged out")
    public void logOut(@Parameter(hidden = true) Actor actor, @Parameter(hidden = true) SessionId currentSession) {
        logOut.logOut(new LogOutUseCase.Command(actor, currentSession));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Revoke one of my sessions (an ADMIN may revoke anyone's)",
            description = "Idempotent: revoking a revoked session is fine")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @NotFoundProblem
    public void revoke(@Parameter(hidden = true) Actor actor, UUID id) {
        revokeSession.revoke(new RevokeSessionUseCase.Command(actor, new SessionId(id)));
    }
}
