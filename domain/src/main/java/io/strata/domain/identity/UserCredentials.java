package io.strata.domain.identity;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;

/**
 * Port: password storage and checking. The adapter hashes with argon2id; hashes never cross this
 * port, so no domain object, use case or response can leak one.
 */
@OutboundPort
public interface UserCredentials {
    /** Hashes and stores the password of an existing (or just added) user. */
    void store(UserId userId, Password password);

    /**
     * True when the password matches the stored hash. With a null user id it still spends the time
     * of one hash check and returns false, so response times do not reveal which e-mails exist.
     */
    boolean matches(UserId userId, Password attempt);

    /**
     * Hashes {@code password} once (argon2id, a fresh salt) for {@link UserRepository#addAll}, which
     * stores it for many new users. Touches no database.
     */
    HashedPassword hash(Password password);
}
