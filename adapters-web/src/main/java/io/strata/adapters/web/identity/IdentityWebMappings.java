package io.strata.adapters.web.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.user.UserId;
import java.util.UUID;

/** Identity's ids and values as responses show them; the identity mappers use these, MapStruct picks them by type. */
final class IdentityWebMappings {
    private IdentityWebMappings() {}

    static UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    static UUID uuid(SessionId id) {
        return id == null ? null : id.value();
    }

    static String text(Email email) {
        return email == null ? null : email.value();
    }

    static String text(Username username) {
        return username == null ? null : username.value();
    }
}
