package io.strata.domain.content;

/**
 * What an actor may do with a document, most to least: MANAGE (the owner or an ADMIN: share, delete,
 * restore, purge), EDIT and VIEW (through a live, unexpired share of a live document), NONE (the document
 * does not exist for them: 404).
 */
public enum DocumentAccess {
    NONE,
    VIEW,
    EDIT,
    MANAGE;

    public boolean canRead() {
        return this != NONE;
    }

    public boolean canEdit() {
        return this == EDIT || this == MANAGE;
    }
}
