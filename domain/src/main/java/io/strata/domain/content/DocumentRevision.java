package io.strata.domain.content;

import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One revision of a document, complete (title and content as they were, who wrote it, when): the history
 * is an audit log. A revision is never purged on its own; it can be soft-deleted (hidden) on its own, or
 * with its document.
 */
public record DocumentRevision(
        DocumentId documentId,
        int revision,
        String title,
        Map<String, Object> content,
        UserId authorId,
        Instant createdAt,
        Deletion deletion) {
    public DocumentRevision {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isLive() {
        return deletion == null;
    }
}
