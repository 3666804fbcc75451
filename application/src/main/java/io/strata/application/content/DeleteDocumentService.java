package io.strata.application.content;

import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentRepository;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class DeleteDocumentService implements DeleteDocumentUseCase {
    private final DocumentRepository documents;
    private final Clock clock;

    public DeleteDocumentService(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void delete(Actor actor, DocumentId id, Long expectedVersion) {
        Document document = DocumentGuard.manageable(actor, documents.findById(id), id, clock.now(), "deleting")
                .document();
        if (expectedVersion != null) {
            Versioned.require("Document", id, expectedVersion, document.version());
        }
        document.delete(clock);
        documents.save(document);
    }

    @Override
    @Transactional
    public DocumentView restore(Actor actor, DocumentId id) {
        DocumentView view = DocumentGuard.manageable(actor, documents.findById(id), id, clock.now(), "restoring");
        view.document().restore(clock);
        return new DocumentView(documents.save(view.document()), view.access());
    }

    @Override
    @Transactional
    public void purge(Actor actor, DocumentId id) {
        Document document = DocumentGuard.manageable(actor, documents.findById(id), id, clock.now(), "purging")
                .document();
        document.purge(clock);
        documents.purge(document);
    }

    @Override
    @Transactional
    public DocumentView deleteRevision(Actor actor, DocumentId id, int revision) {
        DocumentView view =
                DocumentGuard.manageable(actor, documents.findById(id), id, clock.now(), "deleting a revision");
        DocumentRevision old =
                documents.findRevision(id, revision).orElseThrow(() -> new NotFoundException("Revision", revision));
        view.document().deleteRevision(old, clock);
        return new DocumentView(documents.save(view.document()), view.access());
    }
}
