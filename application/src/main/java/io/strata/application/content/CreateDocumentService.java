package io.strata.application.content;

import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentAccess;
import io.strata.domain.content.DocumentRepository;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class CreateDocumentService implements CreateDocumentUseCase {
    private final DocumentRepository documents;
    private final Clock clock;

    public CreateDocumentService(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public DocumentView create(Command command) {
        Document document =
                Document.create(command.actor().userId(), command.title(), command.kind(), command.content(), clock);
        return new DocumentView(documents.add(document), DocumentAccess.MANAGE);
    }
}
