package io.strata.adapters.persistence.content;

import io.strata.domain.content.DocumentId;
import java.util.UUID;

/** Document ids to and from columns (next to {@link ContentJpaMappings}, which the file mappers share). */
interface DocumentJpaMappings {

    default UUID uuid(DocumentId id) {
        return id == null ? null : id.value();
    }

    default DocumentId documentId(UUID id) {
        return id == null ? null : new DocumentId(id);
    }
}
