package io.strata.adapters.persistence.content;

import io.strata.domain.content.Deletion;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.UUID;

/** Content's ids and values (and the user ids it refers to) to and from columns; MapStruct picks them by type. */
interface ContentJpaMappings {

    default UUID uuid(StoredFileId id) {
        return id == null ? null : id.value();
    }

    default StoredFileId storedFileId(UUID id) {
        return id == null ? null : new StoredFileId(id);
    }

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    default UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }

    default String hex(Sha256 sha256) {
        return sha256 == null ? null : sha256.hex();
    }

    default Sha256 sha256(String hex) {
        return hex == null ? null : new Sha256(hex);
    }

    /** No deletion unless both columns are set (the table's CHECK keeps them together). */
    default Deletion deletion(UUID batchId, Instant deletedAt) {
        return batchId == null || deletedAt == null ? null : new Deletion(batchId, deletedAt);
    }
}
