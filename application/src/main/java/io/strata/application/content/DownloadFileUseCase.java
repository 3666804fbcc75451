package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.shared.user.Actor;
import java.io.InputStream;

/**
 * Downloading a file: {@link #authorize} checks the caller may read it (404 otherwise) and counts the download
 * when asked (one transaction); {@link #open} then streams the bytes from an offset, outside any transaction.
 */
@UseCase
public interface DownloadFileUseCase {
    StoredFile authorize(Actor actor, StoredFileId id, boolean countDownload);

    /** The file's bytes from {@code offset} on; the caller closes the stream. */
    InputStream open(StoredFile file, long offset);
}
