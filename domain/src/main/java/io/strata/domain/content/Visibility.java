package io.strata.domain.content;

/** Who may read a file: PRIVATE, its owner and admins; PUBLIC, every authenticated user. */
public enum Visibility {
    PUBLIC,
    PRIVATE
}
