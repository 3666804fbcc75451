package io.strata.bootstrap.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of one seeding phase on stderr ({@code users: 250,000/1,000,000 (41,234 rows/s)}): a line every
 * tenth of the way or every 5 seconds, whichever comes first, and one at the end. Also times the phase.
 */
final class Progress {
    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String label;
    private final long total;
    private final PrintStream err;
    private final long startedAt = System.nanoTime();
    private long done;
    private long rows;
    private long lastShownDone;
    private long lastShownAt = startedAt;

    Progress(String label, long total, PrintStream err) {
        this.label = label;
        this.total = total;
        this.err = err;
    }

    /** {@code items} more of the phase's items are stored, as {@code rows} rows in all. */
    void advance(long items, long rows, String detail) {
        done += items;
        this.rows += rows;
        long now = System.nanoTime();
        if (done == total || done - lastShownDone >= Math.max(1, total / 10) || now - lastShownAt >= EVERY_NANOS) {
            err.printf(
                    Locale.ROOT,
                    "%s: %,d/%,d%s (%,d rows/s)%n",
                    label,
                    done,
                    total,
                    detail,
                    rowsPerSecond(this.rows, now - startedAt));
            err.flush();
            lastShownDone = done;
            lastShownAt = now;
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - startedAt;
    }

    static long rowsPerSecond(long rows, long nanos) {
        return nanos <= 0 ? 0 : Math.round(rows * 1e9 / nanos);
    }
}
