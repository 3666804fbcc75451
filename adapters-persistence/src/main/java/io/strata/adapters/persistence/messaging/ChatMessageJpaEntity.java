package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code chat_messages}. The edit history ({@code chat_message_edits}) is read and written by SQL. */
@Entity
@Table(name = "chat_messages")
class ChatMessageJpaEntity extends AggregateJpaColumns {

    @Column(name = "room_id", nullable = false, updatable = false)
    private UUID roomId;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private UUID senderId;

    @Column(name = "content")
    private String content;

    @Column(name = "reply_to_id", updatable = false)
    private UUID replyToId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attachments", nullable = false, columnDefinition = "uuid[]")
    private UUID[] attachments = new UUID[0];

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "posted_change", nullable = false, updatable = false)
    private long postedChange;

    @Column(name = "change", nullable = false)
    private long change;

    public UUID getRoomId() {
        return roomId;
    }

    public void setRoomId(UUID roomId) {
        this.roomId = roomId;
    }

    public UUID getSenderId() {
        return senderId;
    }

    public void setSenderId(UUID senderId) {
        this.senderId = senderId;
    }

    public String getContent() {
        return content;
    }

    public void setContent(String content) {
        this.content = content;
    }

    public UUID getReplyToId() {
        return replyToId;
    }

    public void setReplyToId(UUID replyToId) {
        this.replyToId = replyToId;
    }

    public UUID[] getAttachments() {
        return attachments;
    }

    public void setAttachments(UUID[] attachments) {
        this.attachments = attachments;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public void setEditedAt(Instant editedAt) {
        this.editedAt = editedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public long getPostedChange() {
        return postedChange;
    }

    public void setPostedChange(long postedChange) {
        this.postedChange = postedChange;
    }

    public long getChange() {
        return change;
    }

    public void setChange(long change) {
        this.change = change;
    }
}
