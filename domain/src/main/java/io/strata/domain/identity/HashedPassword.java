package io.strata.domain.identity;

/**
 * A password hashed once by {@link UserCredentials#hash}, to be given to many new users at once
 * ({@link UserRepository#addAll}): sample data would otherwise spend one argon2id hash per user.
 * Opaque on purpose: the hash itself never leaves the persistence adapter that made it.
 */
public interface HashedPassword {}
