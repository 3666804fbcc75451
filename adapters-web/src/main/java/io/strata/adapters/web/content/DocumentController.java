package io.strata.adapters.web.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.StaleVersionProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.content.CreateDocumentUseCase;
import io.strata.application.content.DeleteDocumentUseCase;
import io.strata.application.content.DocumentQueries;
import io.strata.application.content.DocumentView;
import io.strata.application.content.ReviseDocumentUseCase;
import io.strata.application.content.ShareDocumentUseCase;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentKind;
import io.strata.domain.content.DocumentRevisionSearch;
import io.strata.domain.content.DocumentSearch;
import io.strata.domain.content.SharePermission;
import io.strata.domain.shared.error.ValidationException;
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

/**
 * Documents: create, read, update the content (a new revision; If-Match required), revisions (list, get,
 * restore as a new one, hide one), shares (VIEW/EDIT, optional expiry), the caller's own and those shared
 * with the caller, soft delete, restore, purge. A caller without access gets 404, never a hint the
 * document exists.
 */
@Controller(DocumentController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Documents")
@CommonProblems
@AccessProblems
public class DocumentController {
    public static final String BASE = "/api/v1/documents";

    private final CreateDocumentUseCase create;
    private final ReviseDocumentUseCase revise;
    private final ShareDocumentUseCase sharing;
    private final DeleteDocumentUseCase lifecycle;
    private final DocumentQueries documents;
    private final DocumentWebMapper mapper;

    public DocumentController(
            CreateDocumentUseCase create,
            ReviseDocumentUseCase revise,
            ShareDocumentUseCase sharing,
            DeleteDocumentUseCase lifecycle,
            DocumentQueries documents,
            DocumentWebMapper mapper) {
        this.create = create;
        this.revise = revise;
        this.sharing = sharing;
        this.lifecycle = lifecycle;
        this.documents = documents;
        this.mapper = mapper;
    }

    @Post
    @Operation(summary = "Create a document (revision 1), owned by the caller")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The caller already has a live document with this title",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> create(
            @Parameter(hidden = true) Actor actor, @Body CreateDocumentRequest body) {
        DocumentKind kind = ValidationException.requireValue(
                "kind", RequestValues.enumValue("kind", body.kind(), DocumentKind.class));
        DocumentView view = create.create(new CreateDocumentUseCase.Command(actor, body.title(), kind, body.content()));
        return ETags.tag(
                HttpResponse.created(
                        mapper.toResponse(view),
                        URI.create(BASE + "/" + view.document().id().value())),
                view.document().version());
    }

    @Get
    @Operation(
            summary = "The caller's documents",
            description = "Without content and shares. includeDeleted=true lists soft-deleted ones too.")
    public PageResponse<DocumentSummaryResponse> mine(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = DocumentSearch.class, q = "title", ignored = "includeDeleted") ListQuery query,
            @Parameter(hidden = true) @QueryValue @Nullable Boolean includeDeleted) {
        return PageResponse.of(
                documents.mine(actor, Boolean.TRUE.equals(includeDeleted), query.criteria(), query.page()),
                mapper::toResponse);
    }

    @Get("/shared")
    @Operation(
            summary = "Documents shared with the caller",
            description = "Live documents the caller holds a live, unexpired share of; without content.")
    public PageResponse<DocumentSummaryResponse> sharedWithMe(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = DocumentSearch.class, q = "title") ListQuery query) {
        return PageResponse.of(documents.sharedWithMe(actor, query.criteria(), query.page()), mapper::toResponse);
    }

    @Get("/{id}")
    @Operation(summary = "A document (owner, ADMIN, or a live unexpired share)")
    @ApiResponse(
            responseCode = "200",
            description = "The document; ETag is its version",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    public HttpResponse<DocumentResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        return tagged(documents.get(actor, new DocumentId(id)));
    }

    @Put("/{id}")
    @VersionProblems
    @Operation(
            summary = "Update the content: a new revision (EDIT share, owner or ADMIN)",
            description = "If-Match with the version read is required (missing: 428, stale: 412).")
    @ApiResponse(
            responseCode = "200",
            description = "The document at its new revision and version",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The document is deleted, or the new title is taken by another live document",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> update(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Parameter(description = "ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @Body UpdateDocumentRequest body) {
        long expected = ETags.requireIfMatch(ifMatch);
        return tagged(revise.revise(
                new ReviseDocumentUseCase.Command(actor, new DocumentId(id), body.title(), body.content(), expected)));
    }

    @Delete("/{id}")
    @StaleVersionProblem
    @Operation(
            summary = "Soft-delete a document (owner or ADMIN)",
            description =
                    "Hides it with its live revisions and shares in one deletion batch; restore undoes that batch.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(
            responseCode = "409",
            description = "Already deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<Void> delete(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        lifecycle.delete(actor, new DocumentId(id), ETags.optionalIfMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Post("/{id}/restore")
    @Operation(
            summary = "Restore a soft-deleted document (owner or ADMIN)",
            description =
                    "Undoes exactly its deletion batch: revisions and shares removed on their own before stay removed.")
    @ApiResponse(
            responseCode = "200",
            description = "The restored document",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Not deleted, or its title is now taken by another live document",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> restore(@Parameter(hidden = true) Actor actor, UUID id) {
        return tagged(lifecycle.restore(actor, new DocumentId(id)));
    }

    @Post("/{id}/purge")
    @Operation(summary = "Delete a document for good, with every revision and share (owner or ADMIN)")
    @ApiResponse(responseCode = "204", description = "Purged")
    public HttpResponse<Void> purge(@Parameter(hidden = true) Actor actor, UUID id) {
        lifecycle.purge(actor, new DocumentId(id));
        return HttpResponse.noContent();
    }

    @Get("/{id}/revisions")
    @Operation(
            summary = "A document's revisions, newest first",
            description = "Complete (title and content). includeDeleted=true shows hidden ones (owner or ADMIN).")
    public PageResponse<DocumentRevisionResponse> revisions(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @ListParameters(
                            value = DocumentRevisionSearch.class,
                            q = "the revision's title",
                            ignored = "includeDeleted")
                    ListQuery query,
            @Parameter(hidden = true) @QueryValue @Nullable Boolean includeDeleted) {
        return PageResponse.of(
                documents.revisions(
                        actor, new DocumentId(id), Boolean.TRUE.equals(includeDeleted), query.criteria(), query.page()),
                mapper::toResponse);
    }

    @Get("/{id}/revisions/{revision}")
    @Operation(summary = "One revision of a document")
    @ApiResponse(
            responseCode = "200",
            description = "The revision",
            content = @Content(schema = @Schema(implementation = DocumentRevisionResponse.class)))
    public DocumentRevisionResponse revision(@Parameter(hidden = true) Actor actor, UUID id, int revision) {
        return mapper.toResponse(documents.revision(actor, new DocumentId(id), revision));
    }

    @Post("/{id}/revisions/{revision}/restore")
    @StaleVersionProblem
    @Operation(
            summary = "Restore a revision as a new one (EDIT share, owner or ADMIN)",
            description = "The title and content of that revision become revision n+1; the history is kept.")
    @ApiResponse(
            responseCode = "200",
            description = "The document at its new revision",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The document or the revision is deleted, or the title is taken",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> restoreRevision(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            int revision,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return tagged(revise.restoreRevision(new ReviseDocumentUseCase.RestoreRevision(
                actor, new DocumentId(id), revision, ETags.optionalIfMatch(ifMatch))));
    }

    @Delete("/{id}/revisions/{revision}")
    @Operation(
            summary = "Hide one past revision (owner or ADMIN)",
            description = "A soft delete of its own: restoring the document later does not show it again.")
    @ApiResponse(
            responseCode = "200",
            description = "The document at its new version",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The current revision, an already hidden one, or a deleted document",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> deleteRevision(@Parameter(hidden = true) Actor actor, UUID id, int revision) {
        return tagged(lifecycle.deleteRevision(actor, new DocumentId(id), revision));
    }

    @Post("/{id}/shares")
    @StaleVersionProblem
    @Operation(
            summary = "Share a document with a user (owner or ADMIN)",
            description = "VIEW or EDIT, optionally until expiresAt; replaces the user's live share.")
    @ApiResponse(
            responseCode = "200",
            description = "The document with its shares",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The document is deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> share(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @Body ShareDocumentRequest body) {
        UserId user =
                new UserId(ValidationException.requireValue("userId", RequestValues.uuid("userId", body.userId())));
        return share(actor, id, user, ifMatch, body);
    }

    @Put("/{id}/shares/{userId}")
    @StaleVersionProblem
    @Operation(summary = "Share a document with the user in the path (owner or ADMIN); as POST .../shares")
    @ApiResponse(
            responseCode = "200",
            description = "The document with its shares",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The document is deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> shareWith(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            UUID userId,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @Body ShareDocumentRequest body) {
        if (body.userId() != null && !body.userId().equals(userId.toString())) {
            throw new ValidationException("userId", "differs from the user in the path");
        }
        return share(actor, id, new UserId(userId), ifMatch, body);
    }

    @Delete("/{id}/shares/{userId}")
    @StaleVersionProblem
    @Operation(
            summary = "Remove a user's share (owner or ADMIN)",
            description = "A soft delete of its own: restoring the document later does not bring it back.")
    @ApiResponse(
            responseCode = "200",
            description = "The document with its remaining shares",
            content = @Content(schema = @Schema(implementation = DocumentResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The document is deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<DocumentResponse> unshare(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            UUID userId,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return tagged(sharing.unshare(actor, new DocumentId(id), new UserId(userId), ETags.optionalIfMatch(ifMatch)));
    }

    private HttpResponse<DocumentResponse> share(
            Actor actor, UUID id, UserId user, String ifMatch, ShareDocumentRequest body) {
        SharePermission permission = ValidationException.requireValue(
                "permission", RequestValues.enumValue("permission", body.permission(), SharePermission.class));
        return tagged(sharing.share(new ShareDocumentUseCase.Command(
                actor, new DocumentId(id), user, permission, body.expiresAt(), ETags.optionalIfMatch(ifMatch))));
    }

    private HttpResponse<DocumentResponse> tagged(DocumentView view) {
        return ETags.tag(
                HttpResponse.ok(mapper.toResponse(view)), view.document().version());
    }
}
