package io.strata.domain.workspace;

/** How many tasks a project has, and how many of them are done or cancelled (counted in the database). */
public record TaskTally(long total, long done, long cancelled) {
    public long open() {
        return total - done - cancelled;
    }
}
