package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.Actor;
import java.util.Collection;
import java.util.Set;

/**
 * Port: which attached files a user may read. Attachments refer to files of the content context by id;
 * messaging never reads content's tables and asks this port instead, implemented by a translator onto
 * content's published query API ({@code MessagingFilesFromContent}).
 */
@OutboundPort
public interface MessagingFiles {
    /** The ids among {@code files} that {@code reader} may not read (unknown ones included). */
    Set<AttachmentId> unreadable(Actor reader, Collection<AttachmentId> files);
}
