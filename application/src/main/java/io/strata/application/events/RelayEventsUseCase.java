package io.strata.application.events;

import io.strata.application.shared.UseCase;

/**
 * The relay's round, called by each instance's scheduler when a commit wakes it or its poll interval passes: copy
 * newly committed events into every sink's queue and deliver what is due. Runs as the system, not for a user.
 */
@UseCase
public interface RelayEventsUseCase {
    /** One round over every sink; returns how many events it copied or delivered (0: nothing to do now). */
    int runOnce();
}
