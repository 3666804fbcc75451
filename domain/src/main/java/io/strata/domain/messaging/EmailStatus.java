package io.strata.domain.messaging;

/** A draft is editable by its sender; a sent e-mail never changes. */
public enum EmailStatus {
    DRAFT,
    SENT
}
