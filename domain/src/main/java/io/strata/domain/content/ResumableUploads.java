package io.strata.domain.content;

import io.strata.domain.shared.model.OutboundPort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the resumable uploads under way (their bytes are the blob store's partials). */
@OutboundPort
public interface ResumableUploads {
    void add(ResumableUpload upload);

    Optional<ResumableUpload> find(UploadId id);

    /** Moves the expiry (each append extends it); false when the upload is gone. */
    boolean extend(UploadId id, Instant expiresAt);

    /** Removes the upload; false when it was gone already (completed or expired by someone else). */
    boolean remove(UploadId id);

    /** Removes up to {@code limit} uploads expired at {@code now} and returns them: their partials may go. */
    List<UploadId> removeExpired(Instant now, int limit);
}
