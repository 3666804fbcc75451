package io.strata.application.messaging;

import io.strata.application.identity.api.UserDirectory;
import io.strata.domain.messaging.EmailAddress;
import io.strata.domain.messaging.MailUsers;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link MailUsers} answered by identity's published API ({@link UserDirectory}). */
@Singleton
public class MailUsersFromIdentity implements MailUsers {
    private final UserDirectory directory;

    public MailUsersFromIdentity(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Map<EmailAddress, UserId> internal(Collection<EmailAddress> addresses) {
        if (addresses.isEmpty()) {
            return Map.of();
        }
        Map<EmailAddress, UserId> internal = new LinkedHashMap<>();
        directory
                .byEmail(addresses.stream().map(EmailAddress::value).toList())
                .forEach((address, user) -> internal.put(new EmailAddress(address), user));
        return internal;
    }

    @Override
    public Optional<EmailAddress> addressOf(UserId user) {
        return directory.emailOf(user).map(EmailAddress::new);
    }
}
