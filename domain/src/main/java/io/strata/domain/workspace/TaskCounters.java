package io.strata.domain.workspace;

/**
 * A project's counters of its tasks, as last counted in the database: how many there are, and the
 * percent of DONE among all but CANCELLED ones (see {@link TaskTally#completionPercent()}).
 */
public record TaskCounters(long taskCount, int completion) {
    public static final TaskCounters NONE = new TaskCounters(0, 0);

    public static TaskCounters of(TaskTally tally) {
        return new TaskCounters(tally.total(), tally.completionPercent());
    }
}
