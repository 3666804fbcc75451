package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;

/**
 * Port: password storage and checking. The adapter hashes with argon2id; hashes cross this port only as opaque
 * {@link HashedPassword} and {@link StoredPassword}, so no domain object, use case or response can leak one.
 * Hashing and checking touch no database: use cases do them between transactions, not inside one.
 */
@OutboundPort
public interface UserCredentials {
    /**
     * Stores, as the password of an existing (or just added) user, a hash made by {@link #hash(Password)} before the
     * transaction, so no connection waits on argon2id.
     */
    void store(UserId userId, HashedPassword password);

    /**
     * Stores {@code fresh} in place of {@code current} only if the user's stored password is still {@code current}
     * (one conditional update): false, and nothing written, when it changed since {@code current} was loaded. For
     * replacing a hash made with earlier parameters after a log-in, which must never undo a password change that
     * committed while the log-in was checking the old password.
     */
    boolean replace(UserId userId, StoredPassword current, HashedPassword fresh);

    /**
     * The user's stored password, read in the caller's transaction, to be checked after it. For a null user id, an
     * unknown user or one without a password it matches nothing yet still costs one real check, so response times
     * do not reveal which e-mails exist.
     */
    StoredPassword load(UserId userId);

    /**
     * Hashes {@code password} once (argon2id, a fresh salt) for {@link UserRepository#addAll}, which
     * stores it for many new users. Touches no database.
     */
    HashedPassword hash(Password password);
}
