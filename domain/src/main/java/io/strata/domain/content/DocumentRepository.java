package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: documents with their shares, and their revisions. Storing a document also writes what its changes
 * did to the revisions ({@link Document#pullRevisionWrites}) and appends its events to the outbox, in the
 * caller's transaction. A live title already used by the owner is a {@code ConflictException}.
 */
@OutboundPort
public interface DocumentRepository {
    Optional<Document> findById(DocumentId id);

    Document add(Document document);

    /**
     * Stores changes at the loaded version (the document row first, so a concurrent commit is a
     * {@code StaleVersionException} before any revision is written), then the revision writes.
     */
    Document save(Document document);

    /** Deletes the document at the loaded version with its revisions and shares, and appends its events. */
    void purge(Document document);

    Optional<DocumentRevision> findRevision(DocumentId id, int revision);

    /** The document's revisions (soft-deleted ones only when {@code includeDeleted}); constant statements per page. */
    Page<DocumentRevision> revisions(DocumentId id, boolean includeDeleted, SearchCriteria criteria, PageRequest page);

    /** The owner's documents (soft-deleted ones only when {@code includeDeleted}), without content and shares. */
    Page<DocumentSummary> searchOwnedBy(
            UserId owner, boolean includeDeleted, SearchCriteria criteria, PageRequest page);

    /** Live documents {@code user} holds a live share of that has not expired at {@code now}. */
    Page<DocumentSummary> searchSharedWith(UserId user, Instant now, SearchCriteria criteria, PageRequest page);

    /** How many documents (live or soft-deleted) {@code owner} owns. */
    long countOwnedBy(UserId owner);
}
