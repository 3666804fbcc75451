package io.strata.adapters.persistence.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.domain.content.Deletion;
import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentKind;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentShare;
import io.strata.domain.content.SharePermission;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** domain -> entity -> domain is the same object, field by field (document with shares, revision, summary). */
class DocumentJpaMapperTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    private final DocumentJpaMapper mapper = new DocumentJpaMapperImpl();

    private static Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("text", "hello");
        content.put("cells", List.of(1, "two", Map.of("x", true)));
        content.put("none", null);
        return content;
    }

    private static Document document(Deletion deletion) {
        Deletion own = new Deletion(UUID.randomUUID(), T0.plusSeconds(2));
        return Document.reconstitute(
                DocumentId.newId(),
                new UserId(UUID.randomUUID()),
                "Budget 2026",
                DocumentKind.SPREADSHEET,
                content(),
                4,
                List.of(
                        new DocumentShare(
                                new UserId(UUID.randomUUID()), SharePermission.EDIT, T0.plusSeconds(3600), T0, null),
                        new DocumentShare(new UserId(UUID.randomUUID()), SharePermission.VIEW, null, T0, own)),
                deletion,
                new AuditStamp(3, T0, T0.plusSeconds(60)));
    }

    @Test
    void documentRoundTripKeepsEveryFieldAndShare() {
        for (Deletion deletion : new Deletion[] {null, new Deletion(UUID.randomUUID(), T0.plusSeconds(5))}) {
            Document document = document(deletion);
            DocumentJpaEntity row = mapper.toEntity(document);
            assertThat(row.getShares()).hasSize(2);
            assertThat(mapper.toDomain(row))
                    .usingRecursiveComparison()
                    .ignoringFields("events", "revisionWrites")
                    .isEqualTo(document);
            assertThat(mapper.toSummary(row))
                    .extracting(s -> s.id(), s -> s.title(), s -> s.kind(), s -> s.revision(), s -> s.deletion())
                    .containsExactly(document.id(), "Budget 2026", DocumentKind.SPREADSHEET, 4, deletion);
        }
    }

    @Test
    void copyChangesTouchesTheMutableStateAndTheSharesOnlyWhenTheyDiffer() {
        Document stored = document(null);
        DocumentJpaEntity row = mapper.toEntity(stored);
        List<DocumentShareJpaEmbeddable> before = row.getShares();
        List<DocumentShareJpaEmbeddable> firstRows = List.copyOf(before);
        mapper.copyChanges(stored, row);
        assertThat(row.getShares()).containsExactlyElementsOf(firstRows); // same rows: nothing to write

        Document changed = document(new Deletion(UUID.randomUUID(), T0.plusSeconds(9)));
        mapper.copyChanges(changed, row);
        assertThat(row.getId()).isEqualTo(stored.id().value());
        assertThat(row.getOwnerId()).isEqualTo(stored.ownerId().value());
        assertThat(row.getDeletionId()).isEqualTo(changed.deletion().batchId());
        assertThat(row.getVersion()).isEqualTo(3);
        assertThat(row.getShares()).isSameAs(before); // the live collection, changed in place
        assertThat(mapper.shares(row.getShares())).isEqualTo(changed.shares());
    }

    @Test
    void revisionRoundTripKeepsEveryField() {
        for (Deletion deletion : new Deletion[] {null, new Deletion(UUID.randomUUID(), T0.plusSeconds(5))}) {
            DocumentRevision revision = new DocumentRevision(
                    DocumentId.newId(), 2, "Plan", content(), new UserId(UUID.randomUUID()), T0, deletion);
            assertThat(mapper.toDomain(mapper.toEntity(revision))).isEqualTo(revision);
        }
    }
}
