package io.strata.adapters.persistence.messaging;

import io.strata.adapters.persistence.shared.AggregateJpaColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code emails}. The participants' copies ({@code mailbox_entries}) are read and written by SQL. */
@Entity
@Table(name = "emails")
class EmailJpaEntity extends AggregateJpaColumns {

    @Column(name = "sender_id", nullable = false, updatable = false)
    private UUID senderId;

    @Column(name = "from_address", nullable = false, updatable = false)
    private String fromAddress;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "to_addresses", nullable = false, columnDefinition = "text[]")
    private String[] toAddresses = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "cc_addresses", nullable = false, columnDefinition = "text[]")
    private String[] ccAddresses = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "bcc_addresses", nullable = false, columnDefinition = "text[]")
    private String[] bccAddresses = new String[0];

    @Column(name = "subject")
    private String subject;

    @Column(name = "body")
    private String body;

    @Column(name = "thread_id", nullable = false, updatable = false)
    private UUID threadId;

    @Column(name = "in_reply_to", updatable = false)
    private UUID inReplyTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reference_ids", nullable = false, updatable = false, columnDefinition = "uuid[]")
    private UUID[] referenceIds = new UUID[0];

    @Column(name = "thread_reason", nullable = false, updatable = false)
    private String threadReason;

    @Column(name = "status", nullable = false)
    private String status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "attachments", nullable = false, columnDefinition = "uuid[]")
    private UUID[] attachments = new UUID[0];

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "search_text", nullable = false)
    private String searchText;

    public UUID getSenderId() {
        return senderId;
    }

    public void setSenderId(UUID senderId) {
        this.senderId = senderId;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public void setFromAddress(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    public String[] getToAddresses() {
        return toAddresses;
    }

    public void setToAddresses(String[] toAddresses) {
        this.toAddresses = toAddresses;
    }

    public String[] getCcAddresses() {
        return ccAddresses;
    }

    public void setCcAddresses(String[] ccAddresses) {
        this.ccAddresses = ccAddresses;
    }

    public String[] getBccAddresses() {
        return bccAddresses;
    }

    public void setBccAddresses(String[] bccAddresses) {
        this.bccAddresses = bccAddresses;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public UUID getThreadId() {
        return threadId;
    }

    public void setThreadId(UUID threadId) {
        this.threadId = threadId;
    }

    public UUID getInReplyTo() {
        return inReplyTo;
    }

    public void setInReplyTo(UUID inReplyTo) {
        this.inReplyTo = inReplyTo;
    }

    public UUID[] getReferenceIds() {
        return referenceIds;
    }

    public void setReferenceIds(UUID[] referenceIds) {
        this.referenceIds = referenceIds;
    }

    public String getThreadReason() {
        return threadReason;
    }

    public void setThreadReason(String threadReason) {
        this.threadReason = threadReason;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public UUID[] getAttachments() {
        return attachments;
    }

    public void setAttachments(UUID[] attachments) {
        this.attachments = attachments;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public void setSentAt(Instant sentAt) {
        this.sentAt = sentAt;
    }

    public String getSearchText() {
        return searchText;
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText;
    }
}
