package io.strata.application.events;

import io.strata.application.shared.UseCase;

/**
 * The relay's round, called by each instance's scheduler when a commit wakes it or its poll interval passes: copy
 * newly committed events into every sink's queue and deliver what is due. Runs as the system, not for a user.
 */
@UseCase
public interface RelayEventsUseCase {
    /** One round over every sink: how many events it copied or delivered (0: nothing to do now), and over how many sinks. */
    Round runOnce();

    /**
     * @param relayed events copied into the sinks' queues or delivered
     * @param sinks   the sinks the round went over (0: no sink is configured, so nothing is due until one is)
     */
    record Round(int relayed, int sinks) {}
}
