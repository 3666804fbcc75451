package io.strata.adapters.web.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.strata.application.content.DocumentView;
import io.strata.domain.content.Deletion;
import io.strata.domain.content.Document;
import io.strata.domain.content.DocumentAccess;
import io.strata.domain.content.DocumentId;
import io.strata.domain.content.DocumentKind;
import io.strata.domain.content.DocumentRevision;
import io.strata.domain.content.DocumentShare;
import io.strata.domain.content.DocumentSummary;
import io.strata.domain.content.SharePermission;
import io.strata.domain.shared.model.AuditStamp;
import io.strata.domain.shared.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Domain to response keeps every field; shares are shown to MANAGE only, and only the live ones. */
class DocumentWebMapperTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private final DocumentWebMapper mapper = new DocumentWebMapperImpl();
    private final UserId owner = new UserId(UUID.randomUUID());
    private final UserId friend = new UserId(UUID.randomUUID());

    private Document document() {
        return Document.reconstitute(
                DocumentId.newId(),
                owner,
                "Deck",
                DocumentKind.PRESENTATION,
                Map.of("slides", List.of("a")),
                3,
                List.of(
                        new DocumentShare(friend, SharePermission.EDIT, T0.plusSeconds(60), T0, null),
                        new DocumentShare(
                                new UserId(UUID.randomUUID()),
                                SharePermission.VIEW,
                                null,
                                T0,
                                new Deletion(UUID.randomUUID(), T0))),
                null,
                new AuditStamp(5, T0, T0.plusSeconds(1)));
    }

    @Test
    void documentKeepsEveryFieldAndShowsLiveSharesToManagersOnly() {
        Document document = document();
        DocumentResponse managed = mapper.toResponse(new DocumentView(document, DocumentAccess.MANAGE));
        assertThat(managed)
                .isEqualTo(new DocumentResponse(
                        document.id().value(),
                        owner.value(),
                        "Deck",
                        DocumentKind.PRESENTATION,
                        Map.of("slides", List.of("a")),
                        3,
                        DocumentAccess.MANAGE,
                        List.of(new DocumentShareResponse(
                                friend.value(), SharePermission.EDIT, T0.plusSeconds(60), T0)),
                        null,
                        5,
                        T0,
                        T0.plusSeconds(1)));
        assertThat(mapper.toResponse(new DocumentView(document, DocumentAccess.EDIT))
                        .shares())
                .isEmpty();
    }

    @Test
    void summaryAndRevisionKeepEveryField() {
        Deletion deletion = new Deletion(UUID.randomUUID(), T0.plusSeconds(9));
        DocumentId id = DocumentId.newId();
        assertThat(mapper.toResponse(
                        new DocumentSummary(id, owner, "T", DocumentKind.TEXT, 2, deletion, new AuditStamp(4, T0, T0))))
                .isEqualTo(new DocumentSummaryResponse(
                        id.value(), owner.value(), "T", DocumentKind.TEXT, 2, deletion.deletedAt(), 4, T0, T0));
        assertThat(mapper.toResponse(new DocumentRevision(id, 2, "T", Map.of("a", 1), friend, T0, null)))
                .isEqualTo(new DocumentRevisionResponse(id.value(), 2, "T", Map.of("a", 1), friend.value(), T0, null));
    }
}
