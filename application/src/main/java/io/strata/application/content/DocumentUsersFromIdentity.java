package io.strata.application.content;

import io.strata.application.identity.api.UserDirectory;
import io.strata.domain.content.DocumentUsers;
import io.strata.domain.shared.user.UserId;
import jakarta.inject.Singleton;
import java.util.List;

/** {@link DocumentUsers} answered by identity's published API, the one place documents depend on identity. */
@Singleton
public class DocumentUsersFromIdentity implements DocumentUsers {
    private final UserDirectory directory;

    public DocumentUsersFromIdentity(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean exists(UserId user) {
        return !directory.existing(List.of(user)).isEmpty();
    }
}
