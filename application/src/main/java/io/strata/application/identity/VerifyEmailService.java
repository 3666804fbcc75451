package io.strata.application.identity;

import io.strata.domain.identity.User;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.Clock;
import io.strata.domain.shared.NotFoundException;
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
        UserAccess.requireVisible(command.actor(), command.userId());
        UserAccess.requireAdmin(command.actor(), "verify e-mail addresses");
        User user = users.findById(command.userId()).orElseThrow(() -> new NotFoundException("User", command.userId()));
        user.verifyEmail(clock);
        return users.save(user);
    }
}
