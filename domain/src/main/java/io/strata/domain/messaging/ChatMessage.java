package io.strata.domain.messaging;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.AggregateRoot;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import io.strata.domain.shared.value.Text;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A message of a chat room. Replies form one level of threads: a reply to a reply joins the thread of
 * the first message. Only the sender edits (the previous content goes to the edit history); the sender
 * or the room's creator deletes, and a deleted message keeps its place (id, sender, time, thread) but
 * loses its content, attachments and edit history.
 *
 * <p>{@code change} orders every change of a room's messages (post, edit, delete) for polling: each
 * change takes the room's next change number (assigned by the caller under the room's lock), so a poller
 * that remembers the highest number it saw gets every later change exactly once. {@code postedChange}
 * is the number the post took, which tells a poller whether it already saw the message.
 */
public final class ChatMessage extends AggregateRoot {
    public static final int CONTENT_MAX = 10_000;
    public static final int MAX_ATTACHMENTS = 20;

    private final ChatMessageId id;
    private final ChatRoomId roomId;
    private final UserId senderId;
    private String content;
    private final ChatMessageId replyToId;
    private List<AttachmentId> attachments;
    private Instant editedAt;
    private Instant deletedAt;
    private final long postedChange;
    private long change;
    private AuditStamp stamp;
    private ChatEdit archived;
    private boolean historyPurged;

    private ChatMessage(
            ChatMessageId id,
            ChatRoomId roomId,
            UserId senderId,
            String content,
            ChatMessageId replyToId,
            List<AttachmentId> attachments,
            Instant editedAt,
            Instant deletedAt,
            long postedChange,
            long change,
            AuditStamp stamp) {
        this.id = id;
        this.roomId = roomId;
        this.senderId = senderId;
        this.content = content;
        this.replyToId = replyToId;
        this.attachments = attachments == null ? List.of() : List.copyOf(attachments);
        this.editedAt = editedAt;
        this.deletedAt = deletedAt;
        this.postedChange = postedChange;
        this.change = change;
        this.stamp = stamp;
    }

    /**
     * A new message by a member ({@code room} checked by the caller); {@code repliedTo} (or null) must be a
     * live message of the same room. Attachments are checked by the caller (files the sender may read).
     */
    public static ChatMessage post(
            ChatRoomId roomId,
            UserId senderId,
            String content,
            ChatMessage repliedTo,
            List<AttachmentId> attachments,
            long change,
            Clock clock) {
        ChatMessageId thread = null;
        if (repliedTo != null) {
            if (!repliedTo.roomId.equals(roomId)) {
                throw new ValidationException("replyToId", "is not a message of this room");
            }
            if (repliedTo.isDeleted()) {
                throw new ConflictException("the message replied to is deleted");
            }
            thread = repliedTo.replyToId != null ? repliedTo.replyToId : repliedTo.id;
        }
        Instant now = clock.now();
        ChatMessage message = new ChatMessage(
                ChatMessageId.newId(),
                roomId,
                senderId,
                Text.required("content", content, CONTENT_MAX),
                thread,
                attachments(attachments),
                null,
                null,
                change,
                change,
                AuditStamp.createdAt(now));
        message.record(new ChatMessagePosted(message.id, roomId, senderId, thread, now));
        return message;
    }

    /** Loads a stored message: no validation, no events. */
    public static ChatMessage reconstitute(
            ChatMessageId id,
            ChatRoomId roomId,
            UserId senderId,
            String content,
            ChatMessageId replyToId,
            List<AttachmentId> attachments,
            Instant editedAt,
            Instant deletedAt,
            long postedChange,
            long change,
            AuditStamp stamp) {
        return new ChatMessage(
                id,
                roomId,
                senderId,
                content,
                replyToId,
                attachments,
                editedAt,
                deletedAt,
                postedChange,
                change,
                stamp);
    }

    /** The sender replaces the content; the previous content goes to the history. Same content: no change. */
    public boolean edit(UserId editor, String newContent, long nextChange, Clock clock) {
        if (!senderId.equals(editor)) {
            throw new ForbiddenException("only the sender may edit a message");
        }
        if (isDeleted()) {
            throw new ConflictException("a deleted message cannot be edited");
        }
        String checked = Text.required("content", newContent, CONTENT_MAX);
        if (checked.equals(content)) {
            return false;
        }
        Instant now = clock.now();
        archived = new ChatEdit(content, now);
        content = checked;
        editedAt = now;
        change = nextChange;
        stamp = stamp.touchedAt(now);
        record(new ChatMessageEdited(id, roomId, now));
        return true;
    }

    /**
     * The sender or the room's creator ({@code roomCreator}) removes the content, the attachments and the edit
     * history; the message keeps its place. Deleting a deleted message changes nothing.
     */
    public boolean delete(UserId actor, boolean roomCreator, long nextChange, Clock clock) {
        if (!senderId.equals(actor) && !roomCreator) {
            throw new ForbiddenException("only the sender or the room's creator may delete a message");
        }
        if (isDeleted()) {
            return false;
        }
        Instant now = clock.now();
        content = null;
        attachments = List.of();
        deletedAt = now;
        archived = null;
        historyPurged = true;
        change = nextChange;
        stamp = stamp.touchedAt(now);
        record(new ChatMessageDeleted(id, roomId, actor, now));
        return true;
    }

    /** The content this change replaced (for the edit history), once; empty when the change was no edit. */
    public Optional<ChatEdit> pullArchivedEdit() {
        ChatEdit taken = archived;
        archived = null;
        return Optional.ofNullable(taken);
    }

    /** True once after a delete: the stored edit history must go. */
    public boolean pullHistoryPurged() {
        boolean taken = historyPurged;
        historyPurged = false;
        return taken;
    }

    private static List<AttachmentId> attachments(List<AttachmentId> ids) {
        if (ids == null) {
            return List.of();
        }
        Set<AttachmentId> distinct = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw new ValidationException("attachments[" + i + "]", "is required");
            }
            distinct.add(ids.get(i));
        }
        if (distinct.size() > MAX_ATTACHMENTS) {
            throw new ValidationException("attachments", "at most " + MAX_ATTACHMENTS + " files");
        }
        return List.copyOf(distinct);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public ChatMessageId id() {
        return id;
    }

    public ChatRoomId roomId() {
        return roomId;
    }

    public UserId senderId() {
        return senderId;
    }

    public String content() {
        return content;
    }

    public ChatMessageId replyToId() {
        return replyToId;
    }

    public List<AttachmentId> attachments() {
        return attachments;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public long postedChange() {
        return postedChange;
    }

    public long change() {
        return change;
    }

    public AuditStamp stamp() {
        return stamp;
    }

    public long version() {
        return stamp.version();
    }

    public Instant createdAt() {
        return stamp.createdAt();
    }
}
