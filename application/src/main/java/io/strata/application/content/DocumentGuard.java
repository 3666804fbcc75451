package io.strata.application.content;

import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentAccess;
import io.strata.domain.content.DocumentId;
import io.strata.domain.shared.error.ForbiddenException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may do what with a document ({@link Document#accessFor}): a caller without access gets 404 (never a
 * hint the document exists); one who can read but not do this gets 403.
 */
final class DocumentGuard {
    private DocumentGuard() {}

    static DocumentView readable(Actor actor, Optional<Document> found, DocumentId id, Instant now) {
        return require(actor, found, id, now, DocumentAccess.VIEW, null);
    }

    static DocumentView editable(Actor actor, Optional<Document> found, DocumentId id, Instant now) {
        return require(actor, found, id, now, DocumentAccess.EDIT, "changing the content needs EDIT");
    }

    static DocumentView manageable(Actor actor, Optional<Document> found, DocumentId id, Instant now, String action) {
        return require(actor, found, id, now, DocumentAccess.MANAGE, action + " is for the owner or an ADMIN");
    }

    private static DocumentView require(
            Actor actor, Optional<Document> found, DocumentId id, Instant now, DocumentAccess needed, String why) {
        Document document = found.orElseThrow(() -> new NotFoundException("Document", id));
        DocumentAccess access = document.accessFor(actor, now);
        if (!access.canRead()) {
            throw new NotFoundException("Document", id);
        }
        if (access.compareTo(needed) < 0) {
            throw new ForbiddenException(why);
        }
        return new DocumentView(document, access);
    }
}
