package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import io.strata.domain.shared.user.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the internal users behind e-mail addresses (a recipient is internal when a user has that address).
 * Implemented by a translator onto identity's published query API ({@code MailUsersFromIdentity}).
 */
@OutboundPort
public interface MailUsers {
    /** The users whose address is among {@code addresses}, keyed by the address (lower case). */
    Map<EmailAddress, UserId> internal(Collection<EmailAddress> addresses);

    /** The address of a user (the sender's {@code from}); empty when the user does not exist. */
    Optional<EmailAddress> addressOf(UserId user);
}
