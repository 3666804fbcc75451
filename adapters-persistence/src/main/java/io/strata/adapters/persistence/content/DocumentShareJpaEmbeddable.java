package io.strata.adapters.persistence.content;

import io.strata.domain.content.SharePermission;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code content_document_shares}, as an element of its document's collection. */
@Embeddable
class DocumentShareJpaEmbeddable {
    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "permission", nullable = false)
    private SharePermission permission;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "shared_at", nullable = false)
    private Instant sharedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deletion_id")
    private UUID deletionId;

    DocumentShareJpaEmbeddable() {}

    public UUID getUserId() {
        return userId;
    }

    public void setUserId(UUID userId) {
        this.userId = userId;
    }

    public SharePermission getPermission() {
        return permission;
    }

    public void setPermission(SharePermission permission) {
        this.permission = permission;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }

    public void setSharedAt(Instant sharedAt) {
        this.sharedAt = sharedAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public UUID getDeletionId() {
        return deletionId;
    }

    public void setDeletionId(UUID deletionId) {
        this.deletionId = deletionId;
    }
}
