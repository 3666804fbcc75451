package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.UserId;
import java.util.Optional;

/** Port: file rows. Storing a file appends the events it recorded to the outbox, in the caller's transaction. */
@OutboundPort
public interface StoredFileRepository {
    Optional<StoredFile> findById(StoredFileId id);

    StoredFile add(StoredFile file);

    /** Stores changes at the loaded version; a concurrent commit first is a {@code StaleVersionException}. */
    StoredFile save(StoredFile file);

    /** Deletes the row at the loaded version (hard delete) and appends the file's events. */
    void purge(StoredFile file);

    /** Adds one to the download count without moving the version (a read is not a change of the file). */
    void countDownload(StoredFileId id);

    /** How many files (live or soft-deleted) {@code owner} owns. */
    long countOwnedBy(UserId owner);

    /** The owner's files (deleted ones only when {@code includeDeleted}); a page costs a constant number of statements. */
    Page<StoredFile> searchOwnedBy(UserId ownerId, boolean includeDeleted, SearchCriteria criteria, PageRequest page);
}
