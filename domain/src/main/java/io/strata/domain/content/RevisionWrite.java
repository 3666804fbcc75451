package io.strata.domain.content;

import java.util.UUID;

/**
 * What a change of a {@link Document} does to its stored revisions, for the repository to write in the
 * same transaction (the aggregate does not hold its whole history; see {@link Document#pullRevisionWrites}).
 */
public sealed interface RevisionWrite {
    /** Store a new revision. */
    record Append(DocumentRevision revision) implements RevisionWrite {}

    /** Hide every live revision in the document's deletion batch. */
    record HideAll(Deletion deletion) implements RevisionWrite {}

    /** Hide one revision in a batch of its own. */
    record HideOne(int revision, Deletion deletion) implements RevisionWrite {}

    /** Show again the revisions hidden in {@code batchId} (and only those). */
    record Reveal(UUID batchId) implements RevisionWrite {}
}
