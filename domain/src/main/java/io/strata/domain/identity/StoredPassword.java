package io.strata.domain.identity;

/**
 * A user's password hash as read by {@link UserCredentials#load}, to be checked after the transaction that read it
 * has ended: an argon2id check takes tens of milliseconds and a share of the hashing memory budget, and a pooled
 * connection held all that time is one other requests cannot have. Opaque like {@link HashedPassword}; two are
 * equal when they hold the same stored hash, which is how a later transaction sees that the password changed.
 */
public interface StoredPassword {
    /** Whether {@code attempt} is the password this hash was made from. Touches no database. */
    boolean matches(Password attempt);

    /**
     * Whether this hash was made with other parameters than a new one gets (an earlier cost setting): once a log-in
     * has matched it, the use case stores a fresh hash of the same password in its place. Not a default method, so
     * that a wrapper cannot silently answer "no" for the hash it wraps. Touches no database.
     */
    boolean wantsRehash();
}
