package io.strata.adapters.web.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.NoIdempotencyReplay;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.PublicEndpoint;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.application.content.ResumableUploadUseCase;
import io.strata.domain.content.UploadId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.value.AsciiNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resumable uploads by the tus 1.0 core protocol with the creation and expiration extensions
 * (https://tus.io/protocols/resumable-upload). {@link TusProtocolFilter} answers the protocol version on every
 * response and refuses other versions (412). Only the creator reaches an upload (404 for anyone else).
 */
@Controller(TusUploadController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Files")
@CommonProblems
@AccessProblems
public class TusUploadController {
    public static final String BASE = FileController.BASE + "/uploads";
    static final String VERSION = "1.0.0";
    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_METADATA = "Upload-Metadata";
    static final String UPLOAD_EXPIRES = "Upload-Expires";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private static final Pattern METADATA_KEY = Pattern.compile("[!-+\\--~]+"); // printable ASCII without space and ','
    private static final int MAX_METADATA_LENGTH = 4096;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final ResumableUploadUseCase uploads;

    public TusUploadController(ResumableUploadUseCase uploads) {
        this.uploads = uploads;
    }

    @Options
    @PublicEndpoint // protocol discovery: versions, extensions and the size limit, nothing else
    @Operation(summary = "tus discovery: Tus-Version, Tus-Extension, Tus-Max-Size")
    @ApiResponse(responseCode = "204", description = "The server's tus capabilities, in headers")
    public MutableHttpResponse<Void> options() {
        return HttpResponse.<Void>noContent()
                .header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,expiration")
                .header("Tus-Max-Size", String.valueOf(uploads.maxBytes()));
    }

    @Post(consumes = MediaType.ALL)
    @Operation(
            summary = "Create a resumable upload (tus creation)",
            description = "Upload-Length: the file's size in bytes (more than Tus-Max-Size: 413). Upload-Metadata: "
                    + "comma-separated 'key base64(value)' pairs: filename (default 'upload'), filetype (default "
                    + "application/octet-stream), visibility (PRIVATE or PUBLIC). The request's body is ignored. "
                    + "Location is the upload's URL; Upload-Expires says until when it may rest between appends.")
    @ApiResponse(responseCode = "201", description = "Created; Location and Upload-Expires set")
    @ApiResponse(
            responseCode = "412",
            description = "Tus-Resumable missing or not 1.0.0",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Upload-Length above Tus-Max-Size",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MutableHttpResponse<Void> create(
            @Parameter(hidden = true) Actor actor,
            @Parameter(description = "The file's size in bytes", required = true) @Header(UPLOAD_LENGTH) @Nullable String length,
            @Parameter(description = "tus metadata: key base64,key base64") @Header(UPLOAD_METADATA) @Nullable String metadata) {
        long lengthBytes = number(UPLOAD_LENGTH, length);
        Map<String, String> values = metadata(metadata);
        ResumableUploadUseCase.Status status = uploads.create(
                actor,
                lengthBytes,
                values.getOrDefault("filename", "upload"),
                values.get("filetype"),
                visibility(values.get("visibility")));
        return HttpResponse.<Void>created(URI.create(BASE + "/" + status.id()))
                .header(UPLOAD_EXPIRES, HTTP_DATE.format(status.expiresAt()));
    }

    @Head("/{id}")
    @Operation(summary = "How many bytes of the upload arrived (Upload-Offset) and its Upload-Length")
    @ApiResponse(responseCode = "200", description = "Upload-Offset, Upload-Length, Upload-Expires in headers")
    public MutableHttpResponse<Void> offset(@Parameter(hidden = true) Actor actor, @PathVariable String id) {
        ResumableUploadUseCase.Status status = uploads.status(actor, uploadId(id));
        return HttpResponse.<Void>ok()
                .header(UPLOAD_OFFSET, String.valueOf(status.offsetBytes()))
                .header(UPLOAD_LENGTH, String.valueOf(status.lengthBytes()))
                .header(UPLOAD_EXPIRES, HTTP_DATE.format(status.expiresAt()))
                .header("Cache-Control", "no-store");
    }

    @Patch(value = "/{id}", consumes = MediaType.ALL)
    @NoIdempotencyReplay // the body is streamed; a repeated append is answered by the offset check (409)
    @Operation(
            summary = "Append bytes at Upload-Offset (Content-Type: application/offset+octet-stream)",
            description = "Upload-Offset must be the upload's current offset (409 otherwise, also while another "
                    + "append is under way). The body is streamed (memory bounded). When the upload is complete its "
                    + "bytes are hashed and stored as a file like a plain upload (deduplicated); Content-Location "
                    + "then names the file.")
    @ApiResponse(responseCode = "204", description = "Appended; Upload-Offset is the new offset")
    @ApiResponse(
            responseCode = "409",
            description = "Upload-Offset is not the upload's offset",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "412",
            description = "Tus-Resumable missing or not 1.0.0",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "413",
            description = "More bytes than Upload-Length",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "415",
            description = "Content-Type is not application/offset+octet-stream",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MutableHttpResponse<?> append(
            @Parameter(hidden = true) Actor actor,
            HttpRequest<?> request,
            @PathVariable String id,
            @Parameter(description = "The upload's current offset", required = true) @Header(UPLOAD_OFFSET) @Nullable String offset,
            @Body @Nullable InputStream body) {
        try (InputStream in = body == null
                ? InputStream.nullInputStream()
                : body) { // closed early on a refusal: the rest of the body is discarded, not read
            boolean octets = request.getContentType()
                    .map(type -> (type.getType() + "/" + type.getSubtype()).equalsIgnoreCase(OFFSET_OCTET_STREAM))
                    .orElse(false);
            if (!octets) {
                return Problems.forStatus(
                        request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + OFFSET_OCTET_STREAM);
            }
            UploadId upload = uploadId(id);
            long from = number(UPLOAD_OFFSET, offset);
            ResumableUploadUseCase.Status status = uploads.append(actor, upload, from, in);
            MutableHttpResponse<Void> response = HttpResponse.<Void>noContent()
                    .header(UPLOAD_OFFSET, String.valueOf(status.offsetBytes()))
                    .header(UPLOAD_EXPIRES, HTTP_DATE.format(status.expiresAt()));
            if (status.file() != null) {
                response.header("Content-Location", FileController.BASE + "/" + status.file());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UploadId uploadId(String id) {
        try {
            return new UploadId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new io.strata.domain.shared.error.NotFoundException("upload", "with this id");
        }
    }

    private static long number(String header, @Nullable String value) {
        long number = value == null ? -1 : AsciiNumbers.wholeNumber(value.strip());
        if (number < 0) {
            throw new ValidationException(header, "is required: a whole number from 0 to " + Long.MAX_VALUE);
        }
        return number;
    }

    /** tus Upload-Metadata: comma-separated pairs of a key and an optional base64 value (UTF-8 text here). */
    static Map<String, String> metadata(@Nullable String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        if (header.length() > MAX_METADATA_LENGTH) {
            throw new ValidationException(UPLOAD_METADATA, "must be at most " + MAX_METADATA_LENGTH + " characters");
        }
        for (String pair : header.split(",", -1)) {
            String[] parts = pair.strip().split(" ", -1);
            if (parts.length > 2 || !METADATA_KEY.matcher(parts[0]).matches()) {
                throw new ValidationException(UPLOAD_METADATA, "must be 'key base64value' pairs separated by commas");
            }
            if (values.containsKey(parts[0])) {
                throw new ValidationException(UPLOAD_METADATA, "key " + parts[0] + " appears twice");
            }
            values.put(parts[0], parts.length == 2 ? decode(parts[0], parts[1]) : "");
        }
        return values;
    }

    private static String decode(String key, String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new ValidationException(UPLOAD_METADATA, key + " must be base64 of UTF-8 text");
        }
    }

    private static @Nullable Visibility visibility(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Visibility.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(UPLOAD_METADATA, "visibility must be PRIVATE or PUBLIC");
        }
    }
}
