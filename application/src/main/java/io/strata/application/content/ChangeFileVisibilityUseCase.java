package io.strata.application.content;

import io.strata.application.shared.UseCase;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.user.Actor;

/** Makes a file public or private (owner or ADMIN; If-Match honoured when sent). */
@UseCase
public interface ChangeFileVisibilityUseCase {
    StoredFile change(Command command);

    record Command(Actor actor, StoredFileId id, Visibility visibility, Long expectedVersion) {}
}
