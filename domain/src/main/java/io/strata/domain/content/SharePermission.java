package io.strata.domain.content;

/** What a share grants: reading, or reading and changing the content. */
public enum SharePermission {
    VIEW,
    EDIT
}
