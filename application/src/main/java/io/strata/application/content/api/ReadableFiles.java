package io.strata.application.content.api;

import io.strata.application.shared.Query;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.shared.user.Actor;
import java.util.Collection;
import java.util.Set;

/**
 * Content's published query API: which files an actor may read, for contexts that refer to files by id
 * (messaging's attachments). Other contexts never read content's tables or repositories; a translator of
 * theirs implements their own port by calling this interface. Runs in the caller's transaction when there is
 * one.
 */
@Query
public interface ReadableFiles {
    /** Most ids one call checks (the callers bound their lists well below it). */
    int MAX_IDS = 100;

    /**
     * The ids among {@code files} that {@code reader} may read, by the rule of {@code GET /files/{id}}: the
     * owner and ADMINs; anyone signed in when the file is PUBLIC and not deleted. Unknown ids are not readable.
     */
    Set<StoredFileId> readable(Actor reader, Collection<StoredFileId> files);
}
