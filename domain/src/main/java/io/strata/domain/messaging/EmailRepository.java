package io.strata.domain.messaging;

import io.strata.domain.shared.model.OutboundPort;
import java.util.Optional;

/** Port: e-mails. Storing one appends the events it recorded to the outbox, in the caller's transaction. */
@OutboundPort
public interface EmailRepository {
    Optional<Email> findById(EmailId id);

    Email add(Email email);

    /** Stores changes at the loaded version; a concurrent commit first is a {@code StaleVersionException}. */
    Email save(Email email);
}
