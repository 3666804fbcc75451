package io.strata.application.shared.user;

import io.strata.application.shared.Query;
import io.strata.domain.shared.user.UserId;
import java.util.Optional;

/**
 * Who still refers to a user, asked by identity before it deletes one. The reverse direction of the
 * cross-context pattern: identity must not know which contexts refer to users, so the question lives
 * in the kernel and every context whose data must block the deletion answers it, in its application
 * layer with its own repositories (workspace: {@code ProjectOwnerReferences}). Identity's use case
 * consults every implementation (a {@code List<UserReferences>}); adding a context adds a bean and
 * changes nothing in identity. Called in the caller's transaction.
 */
@Query
public interface UserReferences {
    /**
     * What of this context still refers to {@code user} and blocks deleting them, said so that it reads
     * after "user ... still " (e.g. "owns 2 project(s)"); empty when nothing does.
     */
    Optional<String> blockingDeletion(UserId user);
}
