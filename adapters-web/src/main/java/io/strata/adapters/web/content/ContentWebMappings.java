package io.strata.adapters.web.content;

import io.strata.domain.content.Sha256;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.shared.user.UserId;
import java.util.UUID;

/** Content's ids and values as responses show them; MapStruct picks these by type. */
final class ContentWebMappings {
    private ContentWebMappings() {}

    static UUID uuid(StoredFileId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    static String hex(Sha256 sha256) {
        return sha256 == null ? null : sha256.hex();
    }
}
