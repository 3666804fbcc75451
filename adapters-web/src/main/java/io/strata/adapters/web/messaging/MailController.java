package io.strata.adapters.web.messaging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.adapters.web.shared.openapi.StaleVersionProblem;
import io.strata.adapters.web.shared.openapi.VersionProblems;
import io.strata.application.messaging.FileEmailUseCase;
import io.strata.application.messaging.MailQueries;
import io.strata.application.messaging.ReplyToEmailUseCase;
import io.strata.application.messaging.SaveDraftUseCase;
import io.strata.application.messaging.SendEmailUseCase;
import io.strata.domain.messaging.Email;
import io.strata.domain.messaging.EmailId;
import io.strata.domain.messaging.MailItem;
import io.strata.domain.shared.error.ValidationException;
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
 * Internal e-mail: drafts, sending, folders with counts, threads, keywords. Every read goes through the caller's
 * own copy (an e-mail they have no copy of does not exist: 404), and the bcc list is in a response only when the
 * caller sent the e-mail.
 */
@Controller(MailController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Mail")
@CommonProblems
@AccessProblems
public class MailController {
    public static final String BASE = "/api/v1/mail";
    private static final String LIMIT_DOC = "1 to 100; default 50";
    private static final String IF_MATCH_DOC =
            "ETag of the draft's version being changed, e.g. \"3\" (428 when missing)";
    private static final String OPTIONAL_IF_MATCH_DOC = "Optional: ETag of the draft read; 412 if it changed since";
    private static final String SENT_IS_IMMUTABLE = "A sent e-mail is immutable";

    private final MailQueries mail;
    private final SaveDraftUseCase drafts;
    private final SendEmailUseCase sending;
    private final ReplyToEmailUseCase replies;
    private final FileEmailUseCase filing;
    private final MailWebMapper mapper;

    public MailController(
            MailQueries mail,
            SaveDraftUseCase drafts,
            SendEmailUseCase sending,
            ReplyToEmailUseCase replies,
            FileEmailUseCase filing,
            MailWebMapper mapper) {
        this.mail = mail;
        this.drafts = drafts;
        this.sending = sending;
        this.replies = replies;
        this.filing = filing;
        this.mapper = mapper;
    }

    @Post("/drafts")
    @Operation(
            summary = "Save a new draft (filed in the caller's DRAFTS)",
            description = "Addresses of users of Strata are internal recipients; others are kept as written. "
                    + "inReplyTo (a sent e-mail you have) puts the draft in its thread; else the newest of "
                    + "references you have; else it starts a thread. Attachments are ids of files you may read; "
                    + "the others are one 400 naming them. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Saved; Location and ETag set",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    public HttpResponse<EmailResponse> createDraft(@Parameter(hidden = true) Actor actor, @Body DraftRequest body) {
        Email draft = drafts.create(new SaveDraftUseCase.Create(
                actor,
                MailRequests.recipients(body),
                body.subject(),
                body.body(),
                MailRequests.emailId("inReplyTo", body.inReplyTo()),
                MailRequests.references(body.references()),
                MailRequests.attachments(body.attachments())));
        return ETags.tag(
                HttpResponse.created(mapper.toDraftResponse(draft), URI.create(BASE + "/emails/" + draft.id())),
                draft.version());
    }

    @Put("/drafts/{id}")
    @Operation(
            summary = "Replace a draft's addresses, subject, body and attachments (its sender only)",
            description = "Requires If-Match. Threading is fixed when the draft is created (inReplyTo and "
                    + "references are refused here).")
    @ApiResponse(
            responseCode = "200",
            description = "Saved; ETag set",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = SENT_IS_IMMUTABLE,
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @VersionProblems
    public HttpResponse<EmailResponse> updateDraft(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(required = true, description = IF_MATCH_DOC)
                    String ifMatch,
            @Body DraftRequest body) {
        long expected = ETags.requireIfMatch(ifMatch);
        if (body.inReplyTo() != null) {
            throw new ValidationException("inReplyTo", "is set when the draft is created");
        }
        if (body.references() != null) {
            throw new ValidationException("references", "are set when the draft is created");
        }
        Email draft = drafts.update(new SaveDraftUseCase.Update(
                actor,
                new EmailId(id),
                expected,
                MailRequests.recipients(body),
                body.subject(),
                body.body(),
                MailRequests.attachments(body.attachments())));
        return ETags.tag(HttpResponse.ok(mapper.toDraftResponse(draft)), draft.version());
    }

    @Post("/drafts/{id}/send")
    @Operation(
            summary = "Send a draft (its sender only)",
            description = "In one transaction: the e-mail becomes SENT and immutable, the sender's copy moves to "
                    + "SENT, and every internal recipient (to, cc and bcc) gets a copy in INBOX, unread. "
                    + "If-Match is optional.")
    @ApiResponse(
            responseCode = "200",
            description = "Sent; ETag set",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Already sent",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @StaleVersionProblem
    public HttpResponse<EmailResponse> send(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @Header(HttpHeaders.IF_MATCH) @Nullable @Parameter(description = OPTIONAL_IF_MATCH_DOC) String ifMatch) {
        Long expected = ETags.optionalIfMatch(ifMatch);
        Email sent = sending.send(new SendEmailUseCase.Command(actor, new EmailId(id), expected));
        return ETags.tag(HttpResponse.ok(mapper.toDraftResponse(sent)), sent.version());
    }

    @Get("/folders")
    @Operation(summary = "The caller's folders with their total and unread counts")
    @ApiResponse(
            responseCode = "200",
            description = "Every folder",
            content = @Content(schema = @Schema(implementation = FolderListResponse.class)))
    public FolderListResponse folders(@Parameter(hidden = true) Actor actor) {
        return new FolderListResponse(
                mail.folders(actor).stream().map(mapper::toResponse).toList());
    }

    @Get("/folders/{folder}/emails")
    @Operation(
            summary = "A page of a folder, newest first, with the folder's counts",
            description = "Keyset paging on (receivedAt, id): pass the page's `next` as `cursor`. Filters: unread, "
                    + "flagged, q (contains, in subject, body, from, to and cc), receivedFrom (inclusive) and "
                    + "receivedTo (exclusive).")
    @ApiResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(implementation = FolderPageResponse.class)))
    public FolderPageResponse folder(
            @Parameter(hidden = true) Actor actor,
            @Parameter(schema = @Schema(allowableValues = {"INBOX", "SENT", "DRAFTS", "TRASH", "ARCHIVE"}))
                    String folder,
            @QueryValue
                    @Nullable @Parameter(description = "true: unread only; false: read only", schema = @Schema(type = "boolean"))
                    String unread,
            @QueryValue
                    @Nullable @Parameter(
                            description = "true: flagged only; false: not flagged",
                            schema = @Schema(type = "boolean"))
                    String flagged,
            @QueryValue @Nullable @Parameter(description = "Text contained in subject, body, from, to or cc") String q,
            @QueryValue
                    @Nullable @Parameter(
                            description = "ISO-8601 instant, inclusive",
                            schema = @Schema(type = "string", format = "date-time"))
                    String receivedFrom,
            @QueryValue
                    @Nullable @Parameter(
                            description = "ISO-8601 instant, exclusive",
                            schema = @Schema(type = "string", format = "date-time"))
                    String receivedTo,
            @QueryValue @Nullable @Parameter(description = "The `next` of the previous page") String cursor,
            @QueryValue @Nullable @Parameter(description = LIMIT_DOC, schema = @Schema(type = "integer"))
                    String limit) {
        MailQueries.FolderView view = mail.folder(
                actor,
                MailRequests.folder("folder", folder),
                MailRequests.filter(unread, flagged, q, receivedFrom, receivedTo),
                cursor,
                MailRequests.limit(limit, MailQueries.MAX_LIMIT));
        return new FolderPageResponse(
                view.count().folder().name(),
                view.count().total(),
                view.count().unread(),
                view.page().items().stream().map(mapper::toResponse).toList(),
                view.page().next());
    }

    @Get("/emails/{id}")
    @Operation(summary = "An e-mail with the caller's copy (participants only; bcc for its sender only)")
    @ApiResponse(
            responseCode = "200",
            description = "The e-mail; ETag set",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    public HttpResponse<EmailResponse> email(@Parameter(hidden = true) Actor actor, UUID id) {
        MailItem item = mail.email(actor, new EmailId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(item)), item.email().version());
    }

    @Get("/threads/{id}")
    @Operation(summary = "The caller's e-mails of a thread, oldest first (404 when they have none)")
    @ApiResponse(
            responseCode = "200",
            description = "The thread",
            content = @Content(schema = @Schema(implementation = EmailListResponse.class)))
    public EmailListResponse thread(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @QueryValue @Nullable @Parameter(description = LIMIT_DOC, schema = @Schema(type = "integer"))
                    String limit) {
        return new EmailListResponse(
                mail.thread(actor, new EmailId(id), MailRequests.limit(limit, MailQueries.MAX_LIMIT)).stream()
                        .map(mapper::toResponse)
                        .toList());
    }

    @Post("/emails/{id}/reply")
    @Operation(
            summary = "Start a reply: a draft in the e-mail's thread",
            description = "Addressed to the original sender (with all: also its to and cc; never its bcc), "
                    + "subject \"Re: ...\", inReplyTo and references set. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "The reply draft; Location and ETag set",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The e-mail is a draft",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<EmailResponse> reply(@Parameter(hidden = true) Actor actor, UUID id, @Body ReplyRequest body) {
        Email draft = replies.reply(
                new ReplyToEmailUseCase.Command(actor, new EmailId(id), body.body(), Boolean.TRUE.equals(body.all())));
        return ETags.tag(
                HttpResponse.created(mapper.toDraftResponse(draft), URI.create(BASE + "/emails/" + draft.id())),
                draft.version());
    }

    @Post("/emails/{id}/keywords")
    @Operation(
            summary = "Mark the caller's copy seen or unseen, flagged or not",
            description = "Only the keywords given change; other participants' copies never do.")
    @ApiResponse(
            responseCode = "200",
            description = "The e-mail with the caller's copy",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    public EmailResponse mark(@Parameter(hidden = true) Actor actor, UUID id, @Body MarkEmailRequest body) {
        return mapper.toResponse(
                filing.mark(new FileEmailUseCase.Mark(actor, new EmailId(id), body.seen(), body.flagged())));
    }

    @Post("/emails/{id}/move")
    @Operation(summary = "Move the caller's copy to INBOX, TRASH or ARCHIVE (a draft stays in DRAFTS: 409)")
    @ApiResponse(
            responseCode = "200",
            description = "The e-mail with the caller's copy",
            content = @Content(schema = @Schema(implementation = EmailResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The e-mail is a draft",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmailResponse move(@Parameter(hidden = true) Actor actor, UUID id, @Body MoveEmailRequest body) {
        return mapper.toResponse(filing.move(
                new FileEmailUseCase.Move(actor, new EmailId(id), MailRequests.folder("folder", body.folder()))));
    }
}
