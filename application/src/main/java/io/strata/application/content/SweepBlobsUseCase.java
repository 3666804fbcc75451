package io.strata.application.content;

import io.strata.application.shared.UseCase;

/**
 * Deletes the bytes of blobs no file has referred to for the grace period. First their rows go (committed),
 * then each blob's bytes under its lock, unless an upload of the same content created the row again. Also expires
 * resumable uploads nobody continued in time (their partial bytes go) and staged bytes a crash left behind.
 */
@UseCase
public interface SweepBlobsUseCase {
    /** Returns how many blobs' bytes were deleted. */
    int sweep();
}
