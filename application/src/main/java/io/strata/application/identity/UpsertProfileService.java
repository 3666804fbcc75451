package io.strata.application.identity;

import io.strata.domain.identity.UserProfile;
import io.strata.domain.identity.UserProfileRepository;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.VersionRequiredException;
import io.strata.domain.shared.model.Clock;
import io.strata.domain.shared.model.Versioned;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;

@Singleton
public class UpsertProfileService implements UpsertProfileUseCase {
    private final UserRepository users;
    private final UserProfileRepository profiles;
    private final Clock clock;

    public UpsertProfileService(UserRepository users, UserProfileRepository profiles, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result upsert(Command command) {
        UserAccess.loadForChange(users, command.actor(), command.userId());
        Optional<UserProfile> existing = profiles.findByUserId(command.userId());
        if (existing.isEmpty()) {
            UserProfile created = UserProfile.create(
                    command.userId(), command.bio(), command.avatarUrl(), command.preferences(), clock);
            return new Result(profiles.add(created), true);
        }
        UserProfile profile = existing.get();
        if (command.expectedVersion() == null) {
            throw new VersionRequiredException("the profile of user " + command.userId()
                    + " exists; replacing it needs If-Match with its version");
        }
        Versioned.require("Profile", command.userId(), command.expectedVersion(), profile.version());
        profile.replace(command.bio(), command.avatarUrl(), command.preferences(), clock);
        return new Result(profiles.save(profile), false);
    }
}
