package io.strata.bootstrap.messaging;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.strata.adapters.persistence.messaging.MessagingFilesUntilContentLands;
import io.strata.domain.messaging.AttachmentId;
import io.strata.domain.messaging.MessagingFiles;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of the attachment check until the content context lands: a file is readable by the users a
 * test granted it to ({@link #grant}). Active only in test classes that set {@code strata.test.messaging-files}.
 */
@Singleton
@Replaces(MessagingFilesUntilContentLands.class)
@Requires(property = "strata.test.messaging-files", value = "double")
public class MessagingFilesDouble implements MessagingFiles {
    private final Map<AttachmentId, Set<UserId>> readers = new ConcurrentHashMap<>();

    public AttachmentId grant(UserId reader) {
        AttachmentId file = new AttachmentId(UUID.randomUUID());
        readers.computeIfAbsent(file, k -> ConcurrentHashMap.newKeySet()).add(reader);
        return file;
    }

    @Override
    public Set<AttachmentId> unreadable(UserId reader, Collection<AttachmentId> files) {
        Set<AttachmentId> refused = new LinkedHashSet<>();
        for (AttachmentId file : files) {
            if (!readers.getOrDefault(file, Set.of()).contains(reader)) {
                refused.add(file);
            }
        }
        return refused;
    }
}
