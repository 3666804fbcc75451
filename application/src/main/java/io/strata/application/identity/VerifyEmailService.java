package io.strata.application.identity;

import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.model.Clock;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

@Singleton
public class VerifyEmailService implements VerifyEmailUseCase {
    private final UserRepository users;
    private final Clock clock;

    public VerifyEmailService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public User verifyEmail(Command command) {
        User user = UserAccess.loadForAdmin(users, command.actor(), command.userId(), "verify e-mail addresses");
        user.verifyEmail(clock);
        return users.save(user);
    }
}
