package io.strata.application.messaging;

import io.strata.application.content.api.ReadableFiles;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.user.Actor;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@link MessagingFiles} answered by content's published API ({@link ReadableFiles}): the one place where
 * messaging depends on content, and only on that API, never on content's tables or domain.
 */
@Singleton
public class MessagingFilesFromContent implements MessagingFiles {
    private final ReadableFiles files;

    public MessagingFilesFromContent(ReadableFiles files) {
        this.files = files;
    }

    @Override
    public Set<AttachmentId> unreadable(Actor reader, Collection<AttachmentId> attachments) {
        if (attachments.isEmpty()) {
            return Set.of();
        }
        Set<StoredFileId> readable = files.readable(
                reader,
                attachments.stream().map(a -> new StoredFileId(a.value())).toList());
        Set<AttachmentId> refused = new LinkedHashSet<>();
        for (AttachmentId attachment : attachments) {
            if (!readable.contains(new StoredFileId(attachment.value()))) {
                refused.add(attachment);
            }
        }
        return refused;
    }
}
