package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.DocumentId;
import io.strata.domain.shared.user.Actor;
import java.util.Map;

/**
 * Content changes, each a new revision (EDIT share, the owner or an ADMIN): an update at the version the
 * client read ({@code If-Match} required: stale 412), and restoring a past revision as a new one
 * ({@code If-Match} honoured when sent).
 */
@UseCase
public interface ReviseDocumentUseCase {
    DocumentView revise(Command command);

    DocumentView restoreRevision(RestoreRevision command);

    /** {@code title} null keeps the title. */
    record Command(Actor actor, DocumentId id, String title, Map<String, Object> content, long expectedVersion) {}

    record RestoreRevision(Actor actor, DocumentId id, int revision, Long expectedVersion) {}
}
