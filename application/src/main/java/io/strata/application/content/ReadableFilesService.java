package io.strata.application.content;

import io.strata.application.content.api.ReadableFiles;
import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link ReadableFiles} by the same rule as reading one file ({@link FileAccess#readable}). One lookup per
 * distinct id: the callers attach a few files (at most {@link ReadableFiles#MAX_IDS}), and the port has no
 * batch lookup yet.
 */
@Singleton
@ReadOnlyTransaction
public class ReadableFilesService implements ReadableFiles {
    private final StoredFileRepository files;

    public ReadableFilesService(StoredFileRepository files) {
        this.files = files;
    }

    @Override
    public Set<StoredFileId> readable(Actor reader, Collection<StoredFileId> ids) {
        Set<StoredFileId> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() > MAX_IDS) {
            throw new ValidationException("attachments", "at most " + MAX_IDS + " files");
        }
        Set<StoredFileId> readable = new LinkedHashSet<>();
        for (StoredFileId id : distinct) {
            try {
                FileAccess.readable(reader, files.findById(id), id);
                readable.add(id);
            } catch (NotFoundException unreadable) {
                // not readable by this actor (or no such file): left out
            }
        }
        return readable;
    }
}
