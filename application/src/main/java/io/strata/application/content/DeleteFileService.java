package io.strata.application.content;

import io.strata.domain.content.BlobReferences;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class DeleteFileService implements DeleteFileUseCase {
    private final StoredFileRepository files;
    private final BlobReferences references;
    private final Clock clock;

    public DeleteFileService(StoredFileRepository files, BlobReferences references, Clock clock) {
        this.files = files;
        this.references = references;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void delete(Actor actor, StoredFileId id, Long expectedVersion) {
        StoredFile file = FileAccess.manageable(actor, files.findById(id), id);
        if (expectedVersion != null) {
            Versioned.require("File", id, expectedVersion, file.version());
        }
        file.delete(clock);
        files.save(file);
    }

    @Override
    @Transactional
    public StoredFile restore(Actor actor, StoredFileId id) {
        StoredFile file = FileAccess.manageable(actor, files.findById(id), id);
        file.restore(clock);
        return files.save(file);
    }

    /** The blob's lock first (as uploads take it), then the row, then the count: one transaction. */
    @Override
    @Transactional
    public void purge(Actor actor, StoredFileId id) {
        StoredFile file = FileAccess.manageable(actor, files.findById(id), id);
        references.lock(file.blob().sha256());
        file.purge(clock);
        files.purge(file);
        references.release(file.blob().sha256(), clock.now());
    }
}
