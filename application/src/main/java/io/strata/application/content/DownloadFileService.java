package io.strata.application.content;

import io.strata.domain.content.BlobStore;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

@Singleton
public class DownloadFileService implements DownloadFileUseCase {
    private final StoredFileRepository files;
    private final BlobStore blobs;

    public DownloadFileService(StoredFileRepository files, BlobStore blobs) {
        this.files = files;
        this.blobs = blobs;
    }

    @Override
    @Transactional
    public StoredFile authorize(Actor actor, StoredFileId id, boolean countDownload) {
        StoredFile file = FileAccess.readable(actor, files.findById(id), id);
        if (countDownload) {
            files.countDownload(id);
        }
        return file;
    }

    @Override
    public InputStream open(StoredFile file, long offset) {
        try {
            // a committed file row always has its bytes (promoted before its reference committed)
            return blobs.open(file.blob().sha256(), offset)
                    .orElseThrow(() -> new IllegalStateException(
                            "blob " + file.blob().sha256() + " of file " + file.id() + " is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
