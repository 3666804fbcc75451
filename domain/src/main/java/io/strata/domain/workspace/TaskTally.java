package io.strata.domain.workspace;

/**
 * How many tasks a project has, and how many of them are done or cancelled. The project keeps it; every task
 * change adjusts it under the project's lock, so it stays exact without counting the tasks again.
 */
public record TaskTally(long total, long done, long cancelled) {
    public static final TaskTally NONE = new TaskTally(0, 0, 0);

    public TaskTally {
        if (total < 0 || done < 0 || cancelled < 0 || done + cancelled > total) {
            throw new IllegalArgumentException(
                    "not a tally of tasks: " + total + " in all, " + done + " done, " + cancelled + " cancelled");
        }
    }

    public long open() {
        return total - done - cancelled;
    }

    /** Percent of DONE tasks among those not CANCELLED (0 when there are none), rounded down. */
    public int completionPercent() {
        long counted = total - cancelled;
        return counted == 0 ? 0 : (int) (done * 100 / counted);
    }

    /** The tally with one more task, in {@code status}. */
    public TaskTally plus(TaskStatus status) {
        return new TaskTally(
                total + 1, done + is(status, TaskStatus.DONE), cancelled + is(status, TaskStatus.CANCELLED));
    }

    /** The tally after one of its tasks moved from {@code from} to {@code to}. */
    public TaskTally moved(TaskStatus from, TaskStatus to) {
        return new TaskTally(
                total,
                done - is(from, TaskStatus.DONE) + is(to, TaskStatus.DONE),
                cancelled - is(from, TaskStatus.CANCELLED) + is(to, TaskStatus.CANCELLED));
    }

    private static long is(TaskStatus status, TaskStatus counted) {
        return status == counted ? 1 : 0;
    }
}
