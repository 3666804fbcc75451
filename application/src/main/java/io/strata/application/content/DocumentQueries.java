package io.strata.application.content;

import io.strata.application.shared.Query;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentSummary;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;

/** Reads of documents: one, its revisions, the caller's own, and those shared with the caller. */
@Query
public interface DocumentQueries {
    /** The owner and ADMINs (deleted ones too), users with a live unexpired share; anyone else 404. */
    DocumentView get(Actor actor, DocumentId id);

    /** Revisions, newest first by default; soft-deleted ones only for the owner or an ADMIN asking {@code includeDeleted}. */
    Page<DocumentRevision> revisions(
            Actor actor, DocumentId id, boolean includeDeleted, SearchCriteria criteria, PageRequest page);

    /** One revision; a soft-deleted one only for the owner or an ADMIN. */
    DocumentRevision revision(Actor actor, DocumentId id, int revision);

    /** The caller's documents; soft-deleted ones too when {@code includeDeleted}. */
    Page<DocumentSummary> mine(Actor actor, boolean includeDeleted, SearchCriteria criteria, PageRequest page);

    /** Live documents the caller holds a live, unexpired share of. */
    Page<DocumentSummary> sharedWithMe(Actor actor, SearchCriteria criteria, PageRequest page);
}
