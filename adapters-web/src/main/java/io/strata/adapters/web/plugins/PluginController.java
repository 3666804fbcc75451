package io.strata.adapters.web.plugins;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
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
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.StaleVersionProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.plugins.ChangePluginStatusUseCase;
import io.strata.application.plugins.ConfigurePluginUseCase;
import io.strata.application.plugins.DismissViolationUseCase;
import io.strata.application.plugins.InstallPluginUseCase;
import io.strata.application.plugins.PluginQueries;
import io.strata.application.plugins.RecordViolationUseCase;
import io.strata.application.plugins.UninstallPluginUseCase;
import io.strata.application.shared.Change;
import io.strata.domain.plugins.Plugin;
import io.strata.domain.plugins.PluginRef;
import io.strata.domain.plugins.PluginRelease;
import io.strata.domain.plugins.PluginSearch;
import io.strata.domain.plugins.PluginSlug;
import io.strata.domain.plugins.PluginType;
import io.strata.domain.plugins.Severity;
import io.strata.domain.plugins.ViolationId;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The plugin registry (ADMIN or MANAGER; others 403): install as an upsert by slug, get, list, config by JSON Merge
 * Patch (deep), enable/disable, uninstall, and the security ledger: record a violation (the score is recomputed and
 * a plugin at or below the threshold is disabled), explain the score, dismiss a violation (ADMIN). A plugin is named
 * in paths by its id (UUID) or its slug.
 */
@Controller(PluginController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Plugins")
@CommonProblems
@AccessProblems
public class PluginController {
    public static final String BASE = "/api/v1/plugins";
    private static final String ID_DOC = "The plugin's id (UUID) or slug";
    private static final String IF_MATCH_DOC = "The ETag of the version read";

    private final InstallPluginUseCase install;
    private final PluginQueries plugins;
    private final ConfigurePluginUseCase configure;
    private final ChangePluginStatusUseCase changeStatus;
    private final RecordViolationUseCase recordViolation;
    private final DismissViolationUseCase dismissViolation;
    private final UninstallPluginUseCase uninstall;
    private final PluginWebMapper mapper;

    public PluginController(
            InstallPluginUseCase install,
            PluginQueries plugins,
            ConfigurePluginUseCase configure,
            ChangePluginStatusUseCase changeStatus,
            RecordViolationUseCase recordViolation,
            DismissViolationUseCase dismissViolation,
            UninstallPluginUseCase uninstall,
            PluginWebMapper mapper) {
        this.install = install;
        this.plugins = plugins;
        this.configure = configure;
        this.changeStatus = changeStatus;
        this.recordViolation = recordViolation;
        this.dismissViolation = dismissViolation;
        this.uninstall = uninstall;
        this.mapper = mapper;
    }

    @Post
    @StaleVersionProblem
    @Operation(
            summary = "Install a plugin, or re-install the one with this slug (upsert)",
            description = "A first install answers 201 (status INSTALLED, score 100). A re-install answers 200: name, "
                    + "version, description, author, type, repositoryUrl, installPath, manifest and permissions are "
                    + "replaced, config is kept unless given. If-Match is optional (checked on a re-install).")
    @ApiResponse(
            responseCode = "201",
            description = "Installed; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = PluginResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Re-installed; new ETag",
            content = @Content(schema = @Schema(implementation = PluginResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The same slug was installed concurrently (retry)",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PluginResponse> install(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @Body InstallPluginRequest body) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        PluginSlug slug = new PluginSlug(body.slug());
        PluginRelease release = new PluginRelease(
                body.name(),
                body.version(),
                body.description(),
                body.author(),
                ValidationException.requireValue(
                        "type", RequestValues.enumValue("type", body.type(), PluginType.class)),
                body.repositoryUrl(),
                body.installPath(),
                body.manifest(),
                body.permissions());
        InstallPluginUseCase.Installation done = install.install(
                new InstallPluginUseCase.Command(actor, slug, release, body.config(), body.installationId(), expected));
        Plugin plugin = done.plugin();
        PluginResponse response = mapper.toResponse(plugin);
        return ETags.tag(
                done.created()
                        ? HttpResponse.created(
                                response, URI.create(BASE + "/" + plugin.id().value()))
                        : HttpResponse.ok(response),
                plugin.version());
    }

    @Get
    @Operation(
            summary = "List plugins",
            description = "Paging, sorting and filters (field=op.value) as the parameters list them: "
                    + "permissions=cs.{read:tasks,write:tasks} has all of them; config=cs.{\"enabled\":true} "
                    + "(URL-encoded) contains that JSON (GIN index).")
    public PageResponse<PluginResponse> search(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = PluginSearch.class, q = "slug, name and description") ListQuery query) {
        return PageResponse.of(plugins.search(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/{id}")
    @Operation(summary = "A plugin")
    @ApiResponse(
            responseCode = "200",
            description = "The plugin; ETag is its version",
            content = @Content(schema = @Schema(implementation = PluginResponse.class)))
    public HttpResponse<PluginResponse> get(
            @Parameter(hidden = true) Actor actor, @Parameter(description = ID_DOC) String id) {
        return ok(plugins.get(actor, ref(id)));
    }

    @Patch("/{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Change a plugin's config (JSON Merge Patch, applied deeply)",
            description = "{\"config\": {...}} is merged into the config: nested objects merge, null removes a "
                    + "member, arrays are replaced whole; \"config\": null clears it. Requires If-Match.")
    @RequestBody(
            content = {
                @Content(
                        mediaType = MergePatch.MEDIA_TYPE,
                        schema = @Schema(implementation = PluginPatchRequest.class)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = PluginPatchRequest.class))
            })
    @ApiResponse(
            responseCode = "200",
            description = "Updated; new ETag",
            content = @Content(schema = @Schema(implementation = PluginResponse.class)))
    @VersionProblems
    public HttpResponse<PluginResponse> patch(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = ID_DOC) String id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch,
            @Body @Parameter(hidden = true) JsonNode body) {
        long expected = ETags.requireIfMatch(ifMatch);
        Change<Map<String, Object>> config =
                MergePatch.of(body, PluginPatchRequest.class).build(p -> p.object("config"));
        return ok(configure.patchConfig(new ConfigurePluginUseCase.Command(actor, ref(id), config, expected)));
    }

    @Post("/{id}/enable")
    @StaleVersionProblem
    @Operation(
            summary = "Enable a plugin (status ACTIVE)",
            description = "Refused (409) while its security score is at or below the threshold. If-Match optional.")
    @ApiResponse(
            responseCode = "200",
            description = "The plugin; new ETag",
            content = @Content(schema = @Schema(implementation = PluginResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The security score is at or below the threshold",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<PluginResponse> enable(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = ID_DOC) String id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return ok(changeStatus.change(
                new ChangePluginStatusUseCase.Command(actor, ref(id), true, ETags.optionalIfMatch(ifMatch))));
    }

    @Post("/{id}/disable")
    @StaleVersionProblem
    @Operation(summary = "Disable a plugin (status DISABLED)", description = "If-Match optional.")
    @ApiResponse(
            responseCode = "200",
            description = "The plugin; new ETag",
            content = @Content(schema = @Schema(implementation = PluginResponse.class)))
    public HttpResponse<PluginResponse> disable(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = ID_DOC) String id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return ok(changeStatus.change(
                new ChangePluginStatusUseCase.Command(actor, ref(id), false, ETags.optionalIfMatch(ifMatch))));
    }

    @Delete("/{id}")
    @StaleVersionProblem
    @Operation(summary = "Uninstall a plugin (its ledger goes with it)", description = "If-Match optional.")
    @ApiResponse(responseCode = "204", description = "Uninstalled")
    public HttpResponse<Void> uninstall(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = ID_DOC) String id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        uninstall.uninstall(new UninstallPluginUseCase.Command(actor, ref(id), ETags.optionalIfMatch(ifMatch)));
        return HttpResponse.noContent();
    }

    @Post("/{id}/violations")
    @Operation(
            summary = "Record a security violation",
            description = "Appended to the plugin's ledger (never changed); the score is recomputed from the "
                    + "undismissed violations and, at or below the threshold, the plugin is disabled.")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; the plugin with its new score",
            content = @Content(schema = @Schema(implementation = ViolationOutcomeResponse.class)))
    public HttpResponse<ViolationOutcomeResponse> recordViolation(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = ID_DOC) String id,
            @Body ViolationRequest body) {
        Severity severity = ValidationException.requireValue(
                "severity", RequestValues.enumValue("severity", body.severity(), Severity.class));
        RecordViolationUseCase.Recorded recorded = recordViolation.record(
                new RecordViolationUseCase.Command(actor, ref(id), body.check(), severity, body.evidence()));
        return ETags.tag(
                HttpResponse.created(new ViolationOutcomeResponse(
                        mapper.toResponse(recorded.violation()), mapper.toResponse(recorded.plugin()))),
                recorded.plugin().version());
    }

    @Post("/{id}/violations/{violationId}/dismiss")
    @Operation(
            summary = "Dismiss a security violation (ADMIN)",
            description = "Who, when and why are kept on the ledger row; the score is recomputed. A plugin disabled "
                    + "by its score may then be enabled again.")
    @ApiResponse(
            responseCode = "200",
            description = "Dismissed; the plugin with its new score",
            content = @Content(schema = @Schema(implementation = ViolationOutcomeResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The violation was already dismissed",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ViolationOutcomeResponse> dismissViolation(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = ID_DOC) String id,
            UUID violationId,
            @Body DismissViolationRequest body) {
        DismissViolationUseCase.Dismissed dismissed = dismissViolation.dismiss(
                new DismissViolationUseCase.Command(actor, ref(id), new ViolationId(violationId), body.reason()));
        return ETags.tag(
                HttpResponse.ok(new ViolationOutcomeResponse(
                        mapper.toResponse(dismissed.violation()), mapper.toResponse(dismissed.plugin()))),
                dismissed.plugin().version());
    }

    @Get("/{id}/score")
    @Operation(
            summary = "Explain a plugin's security score",
            description = "100 minus each failing check's penalty: the OpenSSF Scorecard weight of its worst "
                    + "undismissed violation's severity times 4 (LOW 10, MEDIUM 20, HIGH 30, CRITICAL 40), floored "
                    + "at 0; with the violations behind each check and the dismissed ones.")
    @ApiResponse(
            responseCode = "200",
            description = "The score explained",
            content = @Content(schema = @Schema(implementation = ScoreResponse.class)))
    public ScoreResponse score(@Parameter(hidden = true) Actor actor, @Parameter(description = ID_DOC) String id) {
        PluginQueries.ScoreReport report = plugins.score(actor, ref(id));
        Plugin plugin = report.plugin();
        return new ScoreResponse(
                plugin.id().value(),
                plugin.slug().value(),
                report.score().score(),
                report.threshold(),
                plugin.status(),
                plugin.disabledByScore(),
                mapper.toChecks(report.score().checks()),
                mapper.toResponses(report.dismissed()));
    }

    private HttpResponse<PluginResponse> ok(Plugin plugin) {
        return ETags.tag(HttpResponse.ok(mapper.toResponse(plugin)), plugin.version());
    }

    private static PluginRef ref(String id) {
        return PluginRef.parse("id", id);
    }
}
