package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.SharePermission;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;

/**
 * Shares a document with a user (VIEW or EDIT, optionally until {@code expiresAt}) or removes the share;
 * the owner or an ADMIN; {@code If-Match} honoured when sent.
 */
@UseCase
public interface ShareDocumentUseCase {
    DocumentView share(Command command);

    DocumentView unshare(Actor actor, DocumentId id, UserId user, Long expectedVersion);

    record Command(
            Actor actor,
            DocumentId id,
            UserId user,
            SharePermission permission,
            Instant expiresAt,
            Long expectedVersion) {}
}
