package io.strata.adapters.persistence.messaging;

import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * TEMPORARY {@link MessagingFiles} until the content context lands: there are no stored files yet, so no
 * user may read any file id and every attachment is refused (400 naming it). When content publishes its
 * query API ({@code application.content.api}, "which of these files may this user read?"), replace this
 * class by {@code MessagingFilesFromContent}, a translator calling that API, as
 * {@code WorkspaceUsersFromIdentity} calls identity's {@code UserDirectory}.
 */
@Singleton
public class MessagingFilesUntilContentLands implements MessagingFiles {
    @Override
    public Set<AttachmentId> unreadable(UserId reader, Collection<AttachmentId> files) {
        return new LinkedHashSet<>(files);
    }
}
