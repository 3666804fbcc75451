package io.strata.adapters.persistence.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.content.BlobRef;
import io.strata.domain.content.Deletion;
import io.strata.domain.content.Sha256;
import io.strata.domain.content.StoredFile;
import io.strata.domain.content.StoredFileId;
import io.strata.domain.content.Visibility;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain is the same object, field by field. */
class ContentJpaMappersTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    private final StoredFileJpaMapper files = new StoredFileJpaMapperImpl();

    private static StoredFile file(Deletion deletion) {
        return StoredFile.reconstitute(
                StoredFileId.newId(),
                new UserId(UUID.randomUUID()),
                "report.pdf",
                "application/pdf",
                new BlobRef(new Sha256("ab".repeat(32)), 1234),
                Visibility.PUBLIC,
                7,
                deletion,
                new AuditStamp(3, T0, T0.plusSeconds(60)));
    }

    @Test
    void storedFileRoundTripKeepsEveryField() {
        for (Deletion deletion : new Deletion[] {null, new Deletion(UUID.randomUUID(), T0.plusSeconds(5))}) {
            StoredFile file = file(deletion);
            StoredFileJpaEntity row = files.toEntity(file);
            row.setDownloadCount(file.downloadCount()); // insertable = false: the database counts
            assertThat(files.toDomain(row))
                    .usingRecursiveComparison()
                    .ignoringFields("events")
                    .isEqualTo(file);
        }
    }

    @Test
    void copyChangesTouchesOnlyTheMutableState() {
        StoredFile stored = file(null);
        StoredFileJpaEntity row = files.toEntity(stored);
        StoredFile changed = file(new Deletion(UUID.randomUUID(), T0.plusSeconds(9)));
        files.copyChanges(changed, row);
        assertThat(row.getId()).isEqualTo(stored.id().value());
        assertThat(row.getOwnerId()).isEqualTo(stored.ownerId().value());
        assertThat(row.getDeletionId()).isEqualTo(changed.deletion().batchId());
        assertThat(row.getVersion()).isEqualTo(3);
    }
}
