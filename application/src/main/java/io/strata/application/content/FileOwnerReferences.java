package io.strata.application.content;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.application.shared.user.UserReferences;
import io.strata.domain.content.StoredFileRepository;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A user who owns files (soft-deleted ones too: they can be restored) cannot be deleted: the files must be
 * purged first, which releases their blobs' references.
 */
@Singleton
public class FileOwnerReferences implements UserReferences {
    private final StoredFileRepository files;

    public FileOwnerReferences(StoredFileRepository files) {
        this.files = files;
    }

    @Override
    @ReadOnlyTransaction
    public Optional<String> blockingDeletion(UserId user) {
        long owned = files.countOwnedBy(user);
        return owned == 0 ? Optional.empty() : Optional.of("owns " + owned + " file(s)");
    }
}
