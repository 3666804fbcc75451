package io.strata.application.identity;

import io.strata.application.identity.api.UserDirectory;
import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;

@Singleton
@ReadOnlyTransaction
public class UserDirectoryService implements UserDirectory {
    private final UserRepository users;

    public UserDirectoryService(UserRepository users) {
        this.users = users;
    }

    @Override
    public Set<UserId> existing(Collection<UserId> ids) {
        return users.existing(ids);
    }

    @Override
    public List<UserId> newestActive(int limit) {
        return users.newestActive(limit);
    }
}
