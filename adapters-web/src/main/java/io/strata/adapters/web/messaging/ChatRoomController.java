package io.strata.adapters.web.messaging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.strata.adapters.web.shared.ClientNumbers;
import io.strata.adapters.web.shared.ETags;
import io.strata.adapters.web.shared.Problem;
import io.strata.adapters.web.shared.Problems;
import io.strata.adapters.web.shared.RequestValues;
import io.strata.adapters.web.shared.openapi.AccessProblems;
import io.strata.adapters.web.shared.openapi.CommonProblems;
import io.strata.application.messaging.ChatQueries;
import io.strata.application.messaging.CreateChatRoomUseCase;
import io.strata.application.messaging.DeleteChatMessageUseCase;
import io.strata.application.messaging.EditChatMessageUseCase;
import io.strata.application.messaging.JoinChatRoomUseCase;
import io.strata.application.messaging.LeaveChatRoomUseCase;
import io.strata.application.messaging.PostChatMessageUseCase;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.ChatHistoryPage;
import io.strata.domain.messaging.ChatMessage;
import io.strata.domain.messaging.ChatMessageId;
import io.strata.domain.messaging.ChatRoom;
import io.strata.domain.messaging.ChatRoomId;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.value.AsciiNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Chat rooms and their messages. Only members read or post: to anyone else a room does not exist (404).
 * History pages newest first with keyset cursors on (createdAt, id); polling "since" a checkpoint returns
 * every changed message once.
 */
@Controller(ChatRoomController.BASE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Chat")
@CommonProblems
@AccessProblems
public class ChatRoomController {
    public static final String BASE = "/api/v1/rooms";
    private static final String LIMIT_DOC = "1 to 200; default 50";

    private final ChatQueries chat;
    private final CreateChatRoomUseCase createRoom;
    private final JoinChatRoomUseCase joinRoom;
    private final LeaveChatRoomUseCase leaveRoom;
    private final PostChatMessageUseCase post;
    private final EditChatMessageUseCase edit;
    private final DeleteChatMessageUseCase delete;
    private final ChatWebMapper mapper;

    public ChatRoomController(
            ChatQueries chat,
            CreateChatRoomUseCase createRoom,
            JoinChatRoomUseCase joinRoom,
            LeaveChatRoomUseCase leaveRoom,
            PostChatMessageUseCase post,
            EditChatMessageUseCase edit,
            DeleteChatMessageUseCase delete,
            ChatWebMapper mapper) {
        this.chat = chat;
        this.createRoom = createRoom;
        this.joinRoom = joinRoom;
        this.leaveRoom = leaveRoom;
        this.post = post;
        this.edit = edit;
        this.delete = delete;
        this.mapper = mapper;
    }

    @Post
    @Operation(summary = "Create a room; the caller is its creator and first member")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = ChatRoomResponse.class)))
    public HttpResponse<ChatRoomResponse> create(@Parameter(hidden = true) Actor actor, @Body ChatRoomRequest body) {
        ChatRoom room = createRoom.create(new CreateChatRoomUseCase.Command(actor, body.name()));
        return ETags.tag(
                HttpResponse.created(mapper.toResponse(room), URI.create(BASE + "/" + room.id())), room.version());
    }

    @Get
    @Operation(summary = "The caller's rooms, newest first")
    @ApiResponse(
            responseCode = "200",
            description = "The rooms",
            content = @Content(schema = @Schema(implementation = ChatRoomListResponse.class)))
    public ChatRoomListResponse mine(
            @Parameter(hidden = true) Actor actor,
            @QueryValue @Nullable @Parameter(description = LIMIT_DOC, schema = @Schema(type = "integer"))
                    String limit) {
        return new ChatRoomListResponse(chat.myRooms(actor, limit(limit)).stream()
                .map(mapper::toResponse)
                .toList());
    }

    @Get("/{id}")
    @Operation(summary = "Get a room (members only)")
    @ApiResponse(
            responseCode = "200",
            description = "The room; ETag set",
            content = @Content(schema = @Schema(implementation = ChatRoomResponse.class)))
    public HttpResponse<ChatRoomResponse> get(@Parameter(hidden = true) Actor actor, UUID id) {
        ChatRoom room = chat.room(actor, new ChatRoomId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(room)), room.version());
    }

    @Post("/{id}/join")
    @Operation(
            summary = "Join a room by its id",
            description = "The room's id is the invitation; joining twice changes nothing.")
    @ApiResponse(
            responseCode = "200",
            description = "The room; ETag set",
            content = @Content(schema = @Schema(implementation = ChatRoomResponse.class)))
    public HttpResponse<ChatRoomResponse> join(@Parameter(hidden = true) Actor actor, UUID id) {
        ChatRoom room = joinRoom.join(actor, new ChatRoomId(id));
        return ETags.tag(HttpResponse.ok(mapper.toResponse(room)), room.version());
    }

    @Post("/{id}/leave")
    @Operation(summary = "Leave a room (members only)")
    @ApiResponse(responseCode = "204", description = "Left")
    public HttpResponse<Void> leave(@Parameter(hidden = true) Actor actor, UUID id) {
        leaveRoom.leave(actor, new ChatRoomId(id));
        return HttpResponse.noContent();
    }

    @Post("/{id}/messages")
    @Operation(
            summary = "Post a message, or a reply with replyToId (members only)",
            description = "A reply to a reply joins the thread of the first message. Attachments are ids of files "
                    + "the sender may read; the others are one 400 naming them. Honours Idempotency-Key.")
    @ApiResponse(
            responseCode = "201",
            description = "Posted; Location set",
            content = @Content(schema = @Schema(implementation = ChatMessageResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The message replied to is deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<ChatMessageResponse> post(
            @Parameter(hidden = true) Actor actor, UUID id, @Body ChatMessageRequest body) {
        ChatMessageId replyTo =
                body.replyToId() == null ? null : new ChatMessageId(RequestValues.uuid("replyToId", body.replyToId()));
        List<AttachmentId> attachments = body.attachments() == null
                ? List.of()
                : RequestValues.uuids("attachments", body.attachments(), 20).stream()
                        .map(AttachmentId::new)
                        .toList();
        ChatMessage message = post.post(
                new PostChatMessageUseCase.Command(actor, new ChatRoomId(id), body.content(), replyTo, attachments));
        return HttpResponse.created(
                mapper.toResponse(message), URI.create(BASE + "/" + id + "/messages/" + message.id()));
    }

    @Get("/{id}/messages")
    @Operation(
            summary = "A page of the room's history, newest first (members only)",
            description = "Keyset paging on (createdAt, id): pass the page's `before` for older messages, its "
                    + "`after` for newer ones (not both). Messages with equal timestamps are never on two pages.")
    @ApiResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(implementation = ChatHistoryResponse.class)))
    public ChatHistoryResponse history(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @QueryValue @Nullable @Parameter(description = "A `before` cursor of a previous page") String before,
            @QueryValue @Nullable @Parameter(description = "An `after` cursor of a previous page") String after,
            @QueryValue @Nullable @Parameter(description = LIMIT_DOC, schema = @Schema(type = "integer"))
                    String limit) {
        ChatHistoryPage page = chat.history(actor, new ChatRoomId(id), before, after, limit(limit));
        return new ChatHistoryResponse(
                page.items().stream().map(mapper::toResponse).toList(), page.before(), page.after());
    }

    @Get("/{id}/messages/changes")
    @Operation(
            summary = "What changed after a checkpoint (members only)",
            description = "New messages, replies, edits and deletions after `since` (0: from the start), each "
                    + "changed message once in its latest state, oldest change first; poll again with the "
                    + "returned checkpoint.")
    @ApiResponse(
            responseCode = "200",
            description = "The changes and the next checkpoint",
            content = @Content(schema = @Schema(implementation = ChatChangesResponse.class)))
    public ChatChangesResponse changes(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            @QueryValue
                    @Nullable @Parameter(
                            description = "A checkpoint returned before; default 0",
                            schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                    String since,
            @QueryValue @Nullable @Parameter(description = LIMIT_DOC, schema = @Schema(type = "integer"))
                    String limit) {
        long from = since(since);
        ChatQueries.ChatChanges changes = chat.changes(actor, new ChatRoomId(id), from, limit(limit));
        return new ChatChangesResponse(
                changes.messages().stream().map(m -> mapper.toChange(m, from)).toList(), changes.checkpoint());
    }

    @Get("/{id}/messages/{messageId}/replies")
    @Operation(summary = "The replies of a message's thread, oldest first (members only)")
    @ApiResponse(
            responseCode = "200",
            description = "The replies",
            content = @Content(schema = @Schema(implementation = ChatMessageListResponse.class)))
    public ChatMessageListResponse thread(
            @Parameter(hidden = true) Actor actor,
            UUID id,
            UUID messageId,
            @QueryValue @Nullable @Parameter(description = LIMIT_DOC, schema = @Schema(type = "integer"))
                    String limit) {
        return new ChatMessageListResponse(
                chat.thread(actor, new ChatRoomId(id), new ChatMessageId(messageId), limit(limit)).stream()
                        .map(mapper::toResponse)
                        .toList());
    }

    @Post("/{id}/messages/{messageId}/edits")
    @Operation(
            summary = "Edit a message (its sender only)",
            description = "The previous content joins the message's edit history.")
    @ApiResponse(
            responseCode = "200",
            description = "The edited message",
            content = @Content(schema = @Schema(implementation = ChatMessageResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The message is deleted",
            content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChatMessageResponse edit(
            @Parameter(hidden = true) Actor actor, UUID id, UUID messageId, @Body ChatEditRequest body) {
        return mapper.toResponse(edit.edit(new EditChatMessageUseCase.Command(
                actor, new ChatRoomId(id), new ChatMessageId(messageId), body.content())));
    }

    @Get("/{id}/messages/{messageId}/edits")
    @Operation(summary = "A message's edit history, oldest first (members only; empty once deleted)")
    @ApiResponse(
            responseCode = "200",
            description = "The history",
            content = @Content(schema = @Schema(implementation = ChatEditResponse.class)))
    public ChatEditResponse edits(@Parameter(hidden = true) Actor actor, UUID id, UUID messageId) {
        return mapper.toEdits(chat.edits(actor, new ChatRoomId(id), new ChatMessageId(messageId)));
    }

    @Delete("/{id}/messages/{messageId}")
    @Operation(
            summary = "Delete a message (its sender or the room's creator)",
            description = "The message keeps its place in the history without content, attachments or edit "
                    + "history. Deleting it again changes nothing.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public HttpResponse<Void> delete(@Parameter(hidden = true) Actor actor, UUID id, UUID messageId) {
        delete.delete(actor, new ChatRoomId(id), new ChatMessageId(messageId));
        return HttpResponse.noContent();
    }

    private static int limit(@Nullable String text) {
        return ClientNumbers.limit(text, "limit", ChatQueries.MAX_LIMIT, 50);
    }

    private static long since(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        long since = AsciiNumbers.wholeNumber(text.strip());
        if (since >= 0) {
            return since;
        }
        throw new ValidationException("since", "must be a checkpoint returned before (a whole number of 0 or more)");
    }
}
