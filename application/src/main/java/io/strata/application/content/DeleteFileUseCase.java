package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.shared.user.Actor;

/**
 * A file's life after upload (owner or ADMIN): soft delete (hidden, bytes kept), restore, and purge (the row
 * goes and the blob loses its reference in the same transaction; the sweeper removes unreferenced bytes later).
 */
@UseCase
public interface DeleteFileUseCase {
    void delete(Actor actor, StoredFileId id, Long expectedVersion);

    StoredFile restore(Actor actor, StoredFileId id);

    void purge(Actor actor, StoredFileId id);
}
