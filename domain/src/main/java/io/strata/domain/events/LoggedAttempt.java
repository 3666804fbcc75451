package io.strata.domain.events;

import java.util.UUID;

/** One line of a sink's attempt log: which event (by outbox position and id) and how the attempt went. */
public record LoggedAttempt(long position, UUID eventId, DeliveryAttempt attempt) {}
