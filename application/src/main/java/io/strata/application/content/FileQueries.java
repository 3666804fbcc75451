package io.strata.application.content;

import io.strata.application.shared.Query;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;

/** Reads of file metadata. */
@Query
public interface FileQueries {
    /** The file's metadata: owner and ADMIN always, anyone authenticated when it is public and live; else 404. */
    StoredFile get(Actor actor, StoredFileId id);

    /** The caller's own files; deleted ones too when {@code includeDeleted}. */
    Page<StoredFile> mine(Actor actor, boolean includeDeleted, SearchCriteria criteria, PageRequest page);
}
