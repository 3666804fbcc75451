package io.strata.domain.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoredFileTest {
    private final Clock clock = () -> Instant.parse("2026-01-01T00:00:00Z");
    private final BlobRef blob = new BlobRef(new Sha256("0f".repeat(32)), 10);

    private StoredFile file() {
        return StoredFile.create(
                new UserId(UUID.randomUUID()), "a.txt", "Text/Plain; charset=utf-8", blob, null, clock);
    }

    @Test
    void createsPrivateWithANormalizedTypeAndRecordsTheUpload() {
        StoredFile file = file();
        assertThat(file.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(file.mimeType()).isEqualTo("text/plain");
        assertThat(file.pullEvents()).singleElement().isInstanceOf(FileUploaded.class);
        assertThat(StoredFile.mimeType(null)).isEqualTo("application/octet-stream");
    }

    @Test
    void refusesControlCharactersEmptyNamesAndBadTypes() {
        assertThatThrownBy(() -> StoredFile.name("a\r\nb")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> StoredFile.name(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> StoredFile.name("x".repeat(256))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> StoredFile.mimeType("text/plain\r\nX: y")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Sha256("ABC")).isInstanceOf(ValidationException.class);
    }

    @Test
    void deleteAndRestoreFollowTheState() {
        StoredFile file = file();
        file.delete(clock);
        assertThat(file.isDeleted()).isTrue();
        assertThatThrownBy(() -> file.delete(clock)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> file.changeVisibility(Visibility.PUBLIC, clock))
                .isInstanceOf(ConflictException.class);
        file.restore(clock);
        assertThat(file.isDeleted()).isFalse();
        assertThatThrownBy(() -> file.restore(clock)).isInstanceOf(ConflictException.class);
    }
}
