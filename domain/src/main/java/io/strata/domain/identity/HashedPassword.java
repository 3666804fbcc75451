package io.strata.domain.identity;

/**
 * A password hashed by {@link UserCredentials#hash} before the transaction that stores it
 * ({@link UserCredentials#store}), so no pooled connection waits on argon2id; also given to many new users at
 * once ({@link UserRepository#addAll}), as sample data would otherwise spend one hash per user.
 * Opaque on purpose: the hash itself never leaves the persistence adapter that made it.
 */
public interface HashedPassword {}
