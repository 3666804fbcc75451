package io.strata.application.content;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.shared.query.Page;
import io.strata.domain.shared.query.PageRequest;
import io.strata.domain.shared.query.SearchCriteria;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;

@Singleton
@ReadOnlyTransaction
public class FileQueryService implements FileQueries {
    private final StoredFileRepository files;

    public FileQueryService(StoredFileRepository files) {
        this.files = files;
    }

    @Override
    public StoredFile get(Actor actor, StoredFileId id) {
        return FileAccess.readable(actor, files.findById(id), id);
    }

    @Override
    public Page<StoredFile> mine(Actor actor, boolean includeDeleted, SearchCriteria criteria, PageRequest page) {
        return files.searchOwnedBy(actor.userId(), includeDeleted, criteria, page);
    }
}
