package io.strata.adapters.persistence.identity;

import io.strata.domain.identity.Email;
import io.strata.domain.identity.SessionId;
import io.strata.domain.identity.Username;
import io.strata.domain.shared.user.UserId;
import java.util.UUID;

/** Identity's ids and values to and from columns, for the identity mappers (MapStruct picks them by type). */
interface IdentityJpaMappings {

    default UUID uuid(UserId id) {
        return id == null ? null : id.value();
    }

    default UserId userId(UUID id) {
        return id == null ? null : new UserId(id);
    }

    default UUID uuid(SessionId id) {
        return id == null ? null : id.value();
    }

    default SessionId sessionId(UUID id) {
        return id == null ? null : new SessionId(id);
    }

    default String text(Email email) {
        return email == null ? null : email.value();
    }

    default Email email(String email) {
        return email == null ? null : new Email(email);
    }

    default String text(Username username) {
        return username == null ? null : username.value();
    }

    default Username username(String username) {
        return username == null ? null : new Username(username);
    }
}
