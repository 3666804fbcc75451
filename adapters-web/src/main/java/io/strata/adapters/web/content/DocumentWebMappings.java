package io.strata.adapters.web.content;

import io.strata.domain.content.DocumentId;
import java.util.UUID;

/** Document ids as responses show them (next to {@link ContentWebMappings}, which the file mapper uses). */
final class DocumentWebMappings {
    private DocumentWebMappings() {}

    static UUID uuid(DocumentId id) {
        return id == null ? null : id.value();
    }
}
