package io.strata.domain.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strata.domain.shared.error.ConflictException;
import io.strata.domain.shared.error.NotFoundException;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.user.Actor;
import io.strata.domain.shared.user.Role;
import io.strata.domain.shared.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DocumentTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = now::get;
    private final UserId owner = new UserId(UUID.randomUUID());
    private final UserId friend = new UserId(UUID.randomUUID());
    private final Actor ownerActor = new Actor(owner, Role.USER);
    private final Actor friendActor = new Actor(friend, Role.USER);

    private Document document() {
        Document document = Document.create(owner, "Plan", DocumentKind.TEXT, Map.of("text", "v1"), clock);
        document.pullEvents();
        document.pullRevisionWrites();
        return document;
    }

    @Test
    void createStartsAtRevisionOneAndStoresItAsTheFirstRevision() {
        Document document = Document.create(owner, "Plan", DocumentKind.SPREADSHEET, null, clock);
        assertThat(document.revision()).isEqualTo(1);
        assertThat(document.content()).isEmpty();
        assertThat(document.pullEvents()).singleElement().isInstanceOf(DocumentCreated.class);
        assertThat(document.pullRevisionWrites())
                .singleElement()
                .isInstanceOfSatisfying(RevisionWrite.Append.class, append -> {
                    assertThat(append.revision().revision()).isEqualTo(1);
                    assertThat(append.revision().authorId()).isEqualTo(owner);
                });
        assertThat(document.pullRevisionWrites()).isEmpty();
    }

    @Test
    void refusesBadTitlesKindsAndContent() {
        assertThatThrownBy(() -> Document.create(owner, " ", DocumentKind.TEXT, null, clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Document.create(owner, "a\u0000b", DocumentKind.TEXT, null, clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Document.create(owner, "x".repeat(201), DocumentKind.TEXT, null, clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Document.create(owner, "ok", null, null, clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Document.content(Map.of("t", "x".repeat(Document.MAX_CONTENT_CHARS))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Document.content(Map.of("t", "a\u0000"))).isInstanceOf(ValidationException.class);
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> Document.content(nullKey)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> document().revise(null, null, owner, clock)).isInstanceOf(ValidationException.class);
    }

    @Test
    void everyContentChangeIsANewCompleteRevision() {
        Document document = document();
        document.revise(null, Map.of("text", "v2"), friend, clock);
        assertThat(document.revision()).isEqualTo(2);
        assertThat(document.title()).isEqualTo("Plan");
        assertThat(document.pullRevisionWrites())
                .singleElement()
                .isInstanceOfSatisfying(
                        RevisionWrite.Append.class,
                        append -> assertThat(append.revision())
                                .extracting(
                                        DocumentRevision::revision, DocumentRevision::title, DocumentRevision::authorId)
                                .containsExactly(2, "Plan", friend));
        assertThat(document.pullEvents())
                .singleElement()
                .isEqualTo(new DocumentRevised(document.id(), 2, friend, null, now.get()));
    }

    @Test
    void restoringARevisionCopiesItAsANewOne() {
        Document document = document();
        document.revise("Plan v2", Map.of("text", "v2"), owner, clock);
        DocumentRevision first =
                new DocumentRevision(document.id(), 1, "Plan", Map.of("text", "v1"), owner, now.get(), null);
        document.restoreRevision(first, friend, clock);
        assertThat(document.revision()).isEqualTo(3);
        assertThat(document.title()).isEqualTo("Plan");
        assertThat(document.content()).isEqualTo(Map.of("text", "v1"));
        assertThat(document.pullEvents()).last().isEqualTo(new DocumentRevised(document.id(), 3, friend, 1, now.get()));

        DocumentRevision hidden = new DocumentRevision(
                document.id(), 1, "Plan", Map.of(), owner, now.get(), Deletion.newBatch(now.get()));
        assertThatThrownBy(() -> document.restoreRevision(hidden, owner, clock)).isInstanceOf(ConflictException.class);
    }

    @Test
    void theCurrentRevisionCannotBeDeletedAPastOneCanOnce() {
        Document document = document();
        document.revise(null, Map.of("text", "v2"), owner, clock);
        document.pullRevisionWrites();
        DocumentRevision current = new DocumentRevision(document.id(), 2, "Plan", Map.of(), owner, now.get(), null);
        assertThatThrownBy(() -> document.deleteRevision(current, clock)).isInstanceOf(ConflictException.class);
        DocumentRevision first = new DocumentRevision(document.id(), 1, "Plan", Map.of(), owner, now.get(), null);
        document.deleteRevision(first, clock);
        assertThat(document.pullRevisionWrites())
                .singleElement()
                .isInstanceOfSatisfying(
                        RevisionWrite.HideOne.class,
                        hide -> assertThat(hide.revision()).isEqualTo(1));
    }

    @Test
    void accessFollowsOwnershipLiveUnexpiredSharesAndDeletion() {
        Document document = document();
        Actor admin = new Actor(new UserId(UUID.randomUUID()), Role.ADMIN);
        Actor stranger = new Actor(new UserId(UUID.randomUUID()), Role.USER);
        assertThat(document.accessFor(ownerActor, now.get())).isEqualTo(DocumentAccess.MANAGE);
        assertThat(document.accessFor(admin, now.get())).isEqualTo(DocumentAccess.MANAGE);
        assertThat(document.accessFor(stranger, now.get())).isEqualTo(DocumentAccess.NONE);

        document.share(friend, SharePermission.VIEW, now.get().plus(Duration.ofHours(1)), clock);
        assertThat(document.accessFor(friendActor, now.get())).isEqualTo(DocumentAccess.VIEW);
        document.share(friend, SharePermission.EDIT, now.get().plus(Duration.ofHours(1)), clock);
        assertThat(document.liveShares())
                .singleElement()
                .extracting(DocumentShare::permission)
                .isEqualTo(SharePermission.EDIT);
        assertThat(document.accessFor(friendActor, now.get())).isEqualTo(DocumentAccess.EDIT);
        // an expired share grants nothing
        assertThat(document.accessFor(friendActor, now.get().plus(Duration.ofHours(1))))
                .isEqualTo(DocumentAccess.NONE);

        document.delete(clock);
        assertThat(document.accessFor(friendActor, now.get())).isEqualTo(DocumentAccess.NONE);
        assertThat(document.accessFor(ownerActor, now.get())).isEqualTo(DocumentAccess.MANAGE);
    }

    @Test
    void sharesAreCheckedAndUnsharingSoftDeletesOnlyThatShare() {
        Document document = document();
        assertThatThrownBy(() -> document.share(owner, SharePermission.VIEW, null, clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> document.share(friend, SharePermission.VIEW, now.get(), clock))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> document.share(friend, null, null, clock)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> document.unshare(friend, clock)).isInstanceOf(NotFoundException.class);

        document.share(friend, SharePermission.VIEW, null, clock);
        document.unshare(friend, clock);
        assertThat(document.liveShares()).isEmpty();
        assertThat(document.shares())
                .singleElement()
                .satisfies(share -> assertThat(share.isLive()).isFalse());
        document.share(friend, SharePermission.EDIT, null, clock); // a new live row next to the removed one
        assertThat(document.shares()).hasSize(2);
        assertThat(document.pullEvents())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("DocumentShared", "DocumentUnshared", "DocumentShared");
    }

    @Test
    void restoreUndoesExactlyTheDeletionBatch() {
        Document document = document();
        UserId other = new UserId(UUID.randomUUID());
        document.share(friend, SharePermission.VIEW, null, clock);
        document.share(other, SharePermission.EDIT, null, clock);
        document.unshare(other, clock); // on its own, before: stays removed
        document.delete(clock);
        assertThat(document.liveShares()).isEmpty();
        assertThatThrownBy(() -> document.revise(null, Map.of(), owner, clock)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> document.share(friend, SharePermission.VIEW, null, clock))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> document.delete(clock)).isInstanceOf(ConflictException.class);
        UUID batch = document.deletion().batchId();
        List<RevisionWrite> writes = document.pullRevisionWrites();
        assertThat(writes).containsExactly(new RevisionWrite.HideAll(document.deletion()));

        document.restore(clock);
        assertThat(document.isDeleted()).isFalse();
        assertThat(document.liveShares()).extracting(DocumentShare::userId).containsExactly(friend);
        assertThat(document.pullRevisionWrites()).containsExactly(new RevisionWrite.Reveal(batch));
        assertThatThrownBy(() -> document.restore(clock)).isInstanceOf(ConflictException.class);
    }
}
