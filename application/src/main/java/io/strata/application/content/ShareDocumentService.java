package io.strata.application.content;

import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentRepository;
import io.strata.domain.content.DocumentUsers;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ShareDocumentService implements ShareDocumentUseCase {
    private final DocumentRepository documents;
    private final DocumentUsers users;
    private final Clock clock;

    public ShareDocumentService(DocumentRepository documents, DocumentUsers users, Clock clock) {
        this.documents = documents;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DocumentView share(Command command) {
        DocumentView view = DocumentGuard.manageable(
                command.actor(), documents.findById(command.id()), command.id(), clock.now(), "sharing");
        if (command.expectedVersion() != null) {
            Versioned.require(
                    "Document",
                    command.id(),
                    command.expectedVersion(),
                    view.document().version());
        }
        if (command.user() != null && !users.exists(command.user())) {
            throw new NotFoundException("User", command.user());
        }
        view.document().share(command.user(), command.permission(), command.expiresAt(), clock);
        return new DocumentView(documents.save(view.document()), view.access());
    }

    @Override
    @Transactional
    public DocumentView unshare(Actor actor, DocumentId id, UserId user, Long expectedVersion) {
        DocumentView view = DocumentGuard.manageable(actor, documents.findById(id), id, clock.now(), "unsharing");
        if (expectedVersion != null) {
            Versioned.require("Document", id, expectedVersion, view.document().version());
        }
        view.document().unshare(user, clock);
        return new DocumentView(documents.save(view.document()), view.access());
    }
}
