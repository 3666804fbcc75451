package io.strata.application.content;

import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.application.shared.user.UserReferences;
import io.strata.domain.content.DocumentRepository;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A user who owns documents (soft-deleted ones too: they can be restored) cannot be deleted: purge them
 * first. Shares with a deleted user go with the user; revisions keep their author's id (an audit log).
 */
@Singleton
public class DocumentOwnerReferences implements UserReferences {
    private final DocumentRepository documents;

    public DocumentOwnerReferences(DocumentRepository documents) {
        this.documents = documents;
    }

    @Override
    @ReadOnlyTransaction
    public Optional<String> blockingDeletion(UserId user) {
        long owned = documents.countOwnedBy(user);
        return owned == 0 ? Optional.empty() : Optional.of("owns " + owned + " document(s)");
    }
}
