package io.strata.domain.shared.model;

/**
 * Marks the id of an aggregate (a record such as {@code UserId} or {@code ProjectId}). Ids are the one
 * thing a context may hold of another context: a task holds its assignee's {@code UserId}, never the
 * user. The architecture tests find ids by this type, not by their name.
 */
public interface Identifier {}
