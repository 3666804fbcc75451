package io.strata.domain.identity;

import io.strata.domain.shared.user.Role;

/** What authentication needs from one lookup: the session and its user's current role and status. */
public record SessionPrincipal(Session session, Role role, UserStatus status) {}
