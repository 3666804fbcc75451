package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.user.Actor;
import java.io.InputStream;

/**
 * Stores a file from a stream: the bytes are hashed while they are staged (memory bounded whatever the size),
 * checked against the client's digest when one is sent (mismatch: 400), limited in size (413), and stored once
 * per content (dedup by SHA-256). Nothing is visible, and no reference counted, unless all of it succeeded.
 */
@UseCase
public interface UploadFileUseCase {
    StoredFile upload(Command command);

    /**
     * @param expectedSha256 the digest the client announced ({@code Content-Digest}/{@code Repr-Digest}), or null
     * @param declaredBytes  the body's announced length ({@code Content-Length}), or -1 when unknown
     */
    record Command(
            Actor actor,
            String name,
            String mimeType,
            Visibility visibility,
            Sha256 expectedSha256,
            long declaredBytes,
            InputStream body) {}
}
