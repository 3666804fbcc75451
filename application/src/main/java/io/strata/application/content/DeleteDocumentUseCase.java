package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.DocumentId;
import io.strata.domain.shared.user.Actor;

/**
 * A document's life (the owner or an ADMIN): soft delete (with its live revisions and shares, one batch),
 * restore (exactly that batch), purge (hard and final, with every revision and share), and hiding one past
 * revision on its own.
 */
@UseCase
public interface DeleteDocumentUseCase {
    void delete(Actor actor, DocumentId id, Long expectedVersion);

    DocumentView restore(Actor actor, DocumentId id);

    void purge(Actor actor, DocumentId id);

    DocumentView deleteRevision(Actor actor, DocumentId id, int revision);
}
