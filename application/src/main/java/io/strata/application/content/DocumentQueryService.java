package io.strata.application.content;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.content.DocumentAccess;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentRepository;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentSummary;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;

@Singleton
@ReadOnlyTransaction
public class DocumentQueryService implements DocumentQueries {
    private final DocumentRepository documents;
    private final Clock clock;

    public DocumentQueryService(DocumentRepository documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public DocumentView get(Actor actor, DocumentId id) {
        return DocumentGuard.readable(actor, documents.findById(id), id, clock.now());
    }

    @Override
    public Page<DocumentRevision> revisions(
            Actor actor, DocumentId id, boolean includeDeleted, SearchCriteria criteria, PageRequest page) {
        DocumentView view = DocumentGuard.readable(actor, documents.findById(id), id, clock.now());
        boolean hidden = includeDeleted && view.access() == DocumentAccess.MANAGE;
        return documents.revisions(id, hidden, criteria, page);
    }

    @Override
    public DocumentRevision revision(Actor actor, DocumentId id, int revision) {
        DocumentView view = DocumentGuard.readable(actor, documents.findById(id), id, clock.now());
        return documents
                .findRevision(id, revision)
                .filter(found -> found.isLive() || view.access() == DocumentAccess.MANAGE)
                .orElseThrow(() -> new NotFoundException("Revision", revision));
    }

    @Override
    public Page<DocumentSummary> mine(Actor actor, boolean includeDeleted, SearchCriteria criteria, PageRequest page) {
        return documents.searchOwnedBy(actor.userId(), includeDeleted, criteria, page);
    }

    @Override
    public Page<DocumentSummary> sharedWithMe(Actor actor, SearchCriteria criteria, PageRequest page) {
        return documents.searchSharedWith(actor.userId(), clock.now(), criteria, page);
    }
}
