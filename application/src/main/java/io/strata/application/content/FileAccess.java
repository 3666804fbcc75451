package io.strata.application.content;

import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.user.Actor;
import java.util.Optional;

/**
 * Who may see and change a file. Reading: the owner and ADMINs, and every authenticated user when it is
 * PUBLIC and not deleted. Changing: the owner and ADMINs. Anyone else gets 404, never a hint it exists.
 */
final class FileAccess {
    private FileAccess() {}

    static StoredFile readable(Actor actor, Optional<StoredFile> found, StoredFileId id) {
        return found.filter(
                        file -> isManager(actor, file) || (file.visibility() == Visibility.PUBLIC && !file.isDeleted()))
                .orElseThrow(() -> new NotFoundException("File", id));
    }

    static StoredFile manageable(Actor actor, Optional<StoredFile> found, StoredFileId id) {
        return found.filter(file -> isManager(actor, file)).orElseThrow(() -> new NotFoundException("File", id));
    }

    private static boolean isManager(Actor actor, StoredFile file) {
        return actor.isAdmin() || actor.is(file.ownerId());
    }
}
