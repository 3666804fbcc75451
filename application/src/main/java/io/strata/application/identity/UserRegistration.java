package io.strata.application.identity;

import io.strata.domain.identity.HashedPassword;
import io.strata.domain.identity.User;
import io.strata.domain.identity.UserCredentials;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ConflictException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * The write half of {@link RegisterUserService}: the uniqueness checks, the user and its password hash (made
 * before, so no connection waits on argon2id), in one transaction.
 */
@Singleton
public class UserRegistration {
    private final UserRepository users;
    private final UserCredentials credentials;

    public UserRegistration(UserRepository users, UserCredentials credentials) {
        this.users = users;
        this.credentials = credentials;
    }

    /** Stores a validated new user; a taken e-mail or username is a 409. */
    @Transactional
    public User store(User draft, HashedPassword password) {
        if (users.existsByEmail(draft.email())) {
            throw new ConflictException("email " + draft.email() + " is already registered");
        }
        if (users.existsByUsername(draft.username())) {
            throw new ConflictException("username " + draft.username() + " is already taken");
        }
        User user = users.add(draft);
        credentials.store(user.id(), password);
        return user;
    }
}
