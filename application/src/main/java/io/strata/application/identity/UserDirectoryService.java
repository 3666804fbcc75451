package io.strata.application.identity;

import io.strata.application.identity.api.UserDirectory;
import io.strata.application.shared.ReadOnlyTransaction;
import io.strata.domain.identity.Email;
import io.strata.domain.identity.UserRepository;
import io.strata.domain.shared.error.ValidationException;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Override
    public Map<String, UserId> byEmail(Collection<String> addresses) {
        Map<String, UserId> found = new LinkedHashMap<>();
        for (String address : addresses) {
            Email email;
            try {
                email = new Email(address);
            } catch (ValidationException notAnAddress) {
                continue;
            }
            users.findByEmail(email).ifPresent(user -> found.put(address, user.id()));
        }
        return found;
    }

    @Override
    public Optional<String> emailOf(UserId id) {
        return users.findById(id).map(user -> user.email().value());
    }
}
