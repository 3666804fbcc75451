package io.strata.domain.content;

import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A share of a document with one user. Unsharing soft-deletes it in a batch of its own, deleting the
 * document puts every live share in the document's batch; a deleted share grants nothing, nor does a
 * share past {@code expiresAt} (optional).
 */
public record DocumentShare(
        UserId userId, SharePermission permission, Instant expiresAt, Instant sharedAt, Deletion deletion) {
    public DocumentShare {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(sharedAt, "sharedAt");
    }

    public boolean isLive() {
        return deletion == null;
    }

    /** Live and not expired at {@code now}. */
    public boolean grantsAt(Instant now) {
        return isLive() && (expiresAt == null || expiresAt.isAfter(now));
    }

    DocumentShare deleted(Deletion by) {
        return new DocumentShare(userId, permission, expiresAt, sharedAt, by);
    }

    DocumentShare restored() {
        return new DocumentShare(userId, permission, expiresAt, sharedAt, null);
    }
}
