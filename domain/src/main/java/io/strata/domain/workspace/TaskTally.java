package io.strata.domain.workspace;

/** How many tasks a project has, and how many of them are done or cancelled (counted in the database). */
public record TaskTally(long total, long done, long cancelled) {
    public long open() {
        return total - done - cancelled;
    }

    /** Percent of DONE tasks among those not CANCELLED (0 when there are none), rounded down. */
    public int completionPercent() {
        long counted = total - cancelled;
        return counted == 0 ? 0 : (int) (done * 100 / counted);
    }
}
