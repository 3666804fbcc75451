package io.strata.application.content;

import io.strata.domain.content.DocumentRepository;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class ReviseDocumentService implements ReviseDocumentUseCase {
    private final DocumentRepository documents;
    private final Clock clock;

    public ReviseDocumentService(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DocumentView revise(Command command) {
        DocumentView view =
                DocumentGuard.editable(command.actor(), documents.findById(command.id()), command.id(), clock.now());
        Versioned.require(
                "Document",
                command.id(),
                command.expectedVersion(),
                view.document().version());
        view.document()
                .revise(command.title(), command.content(), command.actor().userId(), clock);
        return new DocumentView(documents.save(view.document()), view.access());
    }

    @Override
    @Transactional
    public DocumentView restoreRevision(RestoreRevision command) {
        DocumentView view =
                DocumentGuard.editable(command.actor(), documents.findById(command.id()), command.id(), clock.now());
        if (command.expectedVersion() != null) {
            Versioned.require(
                    "Document",
                    command.id(),
                    command.expectedVersion(),
                    view.document().version());
        }
        DocumentRevision old = documents
                .findRevision(command.id(), command.revision())
                .orElseThrow(() -> new NotFoundException("Revision", command.revision()));
        view.document().restoreRevision(old, command.actor().userId(), clock);
        return new DocumentView(documents.save(view.document()), view.access());
    }
}
