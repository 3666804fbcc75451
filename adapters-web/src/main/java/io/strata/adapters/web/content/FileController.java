package io.strata.adapters.web.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.ListParameters;
import io.strata.adapters.web.shared.ListQuery;
import io.strata.adapters.web.shared.NoIdempotencyReplay;
import io.strata.adapters.web.shared.PageResponse;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.StaleVersionProblem;
import io.strata.application.content.ChangeFileVisibilityUseCase;
import io.strata.application.content.DeleteFileUseCase;
import io.strata.application.content.DownloadFileUseCase;
import io.strata.application.content.FileQueries;
import io.strata.application.content.UploadFileUseCase;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.StoredFileSearch;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

/**
 * Files: streamed upload (hashed while streaming, size-limited, digest-checked, deduplicated), metadata, the
 * caller's list, streamed download with ETag/Range/If-None-Match, visibility, soft delete, restore, purge.
 * Private files exist only for their owner and ADMINs (404 for anyone else); public ones for every
 * authenticated user. There are no anonymous reads.
 */
@Controller(FileController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Files")
@CommonProblems
@AccessProblems
public class FileController {
    public static final String BASE = "/api/v1/files";
    static final String CONTENT_DIGEST = "Content-Digest";
    static final String REPR_DIGEST = "Repr-Digest";

    private final UploadFileUseCase upload;
    private final FileQueries files;
    private final DownloadFileUseCase download;
    private final ChangeFileVisibilityUseCase changeVisibility;
    private final DeleteFileUseCase lifecycle;
    private final FileWebMapper mapper;

    public FileController(
            UploadFileUseCase upload,
            FileQueries files,
            DownloadFileUseCase download,
            ChangeFileVisibilityUseCase changeVisibility,
            DeleteFileUseCase lifecycle,
            FileWebMapper mapper) {
        this.upload = upload;
        this.files = files;
        this.download = download;
        this.changeVisibility = changeVisibility;
        this.lifecycle = lifecycle;
        this.mapper = mapper;
    }

    @Post(consumes = MediaType.ALL)
    @NoIdempotencyReplay // the body is streamed, never buffered to hash it; identical content is deduplicated anyway
    @Operation(
            summary = "Upload a file (the raw body is the content)",
            description = "The body is streamed to the blob store while hashed (SHA-256); memory stays bounded. "
                    + "Content-Type is the file's media type. A Content-Digest or Repr-Digest with sha-256 is "
                    + "verified (mismatch: 400, nothing stored). Larger than strata.content.max-file-size: 413, "
                    + "nothing stored. Identical content is stored once.")
    @ApiResponse(
            responseCode = "201",
            description = "Stored; Location and ETag headers set",
            content = @Content(schema = @Schema(implementation = FileResponse.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Larger than the configured limit; nothing stored",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<FileResponse> upload(
            @Parameter(hidden = true) Actor actor,
            HttpRequest<?> request,
            @Parameter(description = "File name, 1..255 characters", required = true) @QueryValue @Nullable String name,
            @Parameter(description = "PRIVATE (default) or PUBLIC") @QueryValue @Nullable String visibility,
            @Parameter(description = "RFC 9530, e.g. sha-256=:base64:") @Header(CONTENT_DIGEST) @Nullable String contentDigest,
            @Parameter(description = "RFC 9530, e.g. sha-256=:base64:") @Header(REPR_DIGEST) @Nullable String reprDigest,
            @Body InputStream body) {
        StoredFile file;
        try (InputStream in = body) { // closed early on a refusal: the rest of the body is discarded, not read
            Sha256 expected = expectedDigest(contentDigest, reprDigest);
            file = upload.upload(new UploadFileUseCase.Command(
                    actor,
                    name,
                    request.getContentType().map(MediaType::toString).orElse(null),
                    RequestValues.enumValue("visibility", visibility, Visibility.class),
                    expected,
                    request.getContentLength(),
                    in));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ETags.tag(HttpResponse.created(mapper.toResponse(file), location(file)), file.version());
    }

    @Get
    @Operation(summary = "The caller's files", description = "includeDeleted=true lists soft-deleted ones too.")
    public PageResponse<FileResponse> mine(
            @Parameter(hidden = true) Actor actor,
            @ListParameters(value = StoredFileSearch.class, q = "name", ignored = "includeDeleted") ListQuery query,
            @Parameter(hidden = true) @QueryValue @Nullable Boolean includeDeleted) {
        return PageResponse.of(
                files.mine(actor, Boolean.TRUE.equals(includeDeleted), query.criteria(), query.page()),
                mapper::toResponse);
    }

    @Get("/{id}")
    @Operation(summary = "A file's metadata")
    @ApiResponse(
            responseCode = "200",
            description = "The file; ETag is its version",
            content = @Content(schema = @Schema(implementation = FileResponse.class)))
    public HttpResponse<FileResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        StoredFile file = files.get(actor, new StoredFileId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(file)), file.version());
    }

    @Get("/{id}/content")
    @Operation(
            summary = "Download a file's content",
            description = "Streamed. ETag is the SHA-256 (If-None-Match: 304), Range: bytes=... answers 206 "
                    + "(416 when unsatisfiable), Content-Disposition is an attachment with a safe name. "
                    + "A download is counted when the content is sent from its first byte.")
    @ApiResponse(responseCode = "200", description = "The content", content = @Content(mediaType = "*/*"))
    @ApiResponse(responseCode = "206", description = "The requested range")
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match matched)")
    @ApiResponse(
            responseCode = "416",
            description = "Range not satisfiable; Content-Range: bytes */size",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<?> content(
            @Parameter(hidden = true) Actor actor,
            HttpRequest<?> request,
            UUID id,
            @Parameter(description = "bytes=first-last") @Header(HttpHeaders.RANGE) @Nullable String range,
            @Parameter(description = "ETags of copies the client has") @Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        StoredFileId fileId = new StoredFileId(id);
        StoredFile peek = files.get(actor, fileId);
        String etag = "\"" + peek.blob().sha256().hex() + "\"";
        if (matches(ifNoneMatch, etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        long size = peek.blob().sizeBytes();
        ContentHeaders.Range wanted;
        try {
            wanted = ContentHeaders.range(range, size);
        } catch (ContentHeaders.Unsatisfiable e) {
            return Problems.forStatus(
                            request, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "the file has " + size + " bytes")
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + size)
                    .header(HttpHeaders.ETAG, etag);
        }
        long first = wanted == null ? 0 : wanted.first();
        long length = wanted == null ? size : wanted.length();
        StoredFile file = download.authorize(actor, fileId, first == 0);
        InputStream bytes = new Limited(download.open(file, first), length);
        MediaType type = mediaType(file.mimeType());
        MutableHttpResponse<StreamedFile> response = HttpResponse.ok(
                        new StreamedFile(bytes, type, file.stamp().createdAt().toEpochMilli(), length))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentHeaders.attachment(file.name()))
                .header("X-Content-Type-Options", "nosniff");
        if (wanted != null) {
            response.status(HttpStatus.PARTIAL_CONTENT)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes " + wanted.first() + "-" + wanted.last() + "/" + size);
        } else {
            response.header(REPR_DIGEST, ContentHeaders.digestField(file.blob().sha256()));
        }
        return response;
    }

    @Post("/{id}/visibility")
    @StaleVersionProblem
    @Operation(summary = "Make a file PUBLIC or PRIVATE (owner or ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The file at its new version",
            content = @Content(schema = @Schema(implementation = FileResponse.class)))
    public HttpResponse<FileResponse> visibility(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch,
            @Body VisibilityRequest body) {
        Visibility next = ValidationException.requireValue(
                "visibility", RequestValues.enumValue("visibility", body.visibility(), Visibility.class));
        StoredFile file = changeVisibility.change(new ChangeFileVisibilityUseCase.Command(
                actor, new StoredFileId(id), next, ETags.optionalIfMatch(ifMatch)));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(file)), file.version());
    }

    @Delete("/{id}")
    @StaleVersionProblem
    @Operation(summary = "Soft-delete a file (owner or ADMIN); restore undoes it")
    @ApiResponse(responseCode = "204", description = "Deleted (hidden; the bytes are kept)")
    public HttpResponse<Void> delete(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Parameter(description = "Optional: ETag of the version read") @Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        lifecycle.delete(actor, new StoredFileId(id), ETags.optionalIfMatch(ifMatch));
        return HttpResponse.noContent();
    }

    @Post("/{id}/restore")
    @Operation(summary = "Restore a soft-deleted file (owner or ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The restored file",
            content = @Content(schema = @Schema(implementation = FileResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The file is not deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<FileResponse> restore(@Parameter(hidden = true) Actor actor, UUID id) {
        StoredFile file = lifecycle.restore(actor, new StoredFileId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(file)), file.version());
    }

    @Post("/{id}/purge")
    @Operation(
            summary = "Delete a file for good (owner or ADMIN)",
            description = "The row goes now; the bytes go with the sweeper once no file has used them for the "
                    + "grace period (strata.content.blob-grace).")
    @ApiResponse(responseCode = "204", description = "Purged")
    public HttpResponse<Void> purge(@Parameter(hidden = true) Actor actor, UUID id) {
        lifecycle.purge(actor, new StoredFileId(id));
        return HttpResponse.noContent();
    }

    private static Sha256 expectedDigest(String contentDigest, String reprDigest) {
        Sha256 content = ContentHeaders.sha256(CONTENT_DIGEST, contentDigest);
        Sha256 repr = ContentHeaders.sha256(REPR_DIGEST, reprDigest);
        if (content != null && repr != null && !content.equals(repr)) {
            throw new ValidationException(REPR_DIGEST, "differs from Content-Digest (no content coding is applied)");
        }
        return content != null ? content : repr;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static MediaType mediaType(String stored) {
        try {
            return MediaType.of(stored);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
    }

    private static URI location(StoredFile file) {
        return URI.create(BASE + "/" + file.id().value());
    }

    /** At most {@code remaining} bytes of a stream (a range), closing the underlying one. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}
