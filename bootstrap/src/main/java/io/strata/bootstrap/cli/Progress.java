package io.strata.bootstrap.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of one phase of a long command (seeding, backup, restore) on stderr. On a terminal it is a progress
 * bar (me.tongfei's progressbar: done/total, rate, ETA), redrawn in place; otherwise (a log file, a pipe, CI) plain
 * lines such as {@code users: 250,000/1,000,000 (41,234 rows/s)}: one every tenth of the way or every 5 seconds,
 * whichever comes first, and one at the end. Also times the phase.
 */
public abstract class Progress implements AutoCloseable {

    private final long startedAt = System.nanoTime();

    /** A bar when {@code cli}'s stderr is a terminal, else plain lines. */
    public static Progress start(Cli cli, String label, long total, String unit) {
        return cli.terminal() ? new Bar(label, total, unit, cli.err()) : new Lines(label, total, cli.err());
    }

    /** {@code items} more of the phase's items are done, as {@code rows} rows in all; {@code detail} is shown after the count. */
    public abstract void advance(long items, long rows, String detail);

    /** The phase is over: the bar shows its final state and the cursor moves to the next line. */
    @Override
    public void close() {}

    public long elapsedNanos() {
        return System.nanoTime() - startedAt;
    }

    public static long rowsPerSecond(long rows, long nanos) {
        return nanos <= 0 ? 0 : Math.round(rows * 1e9 / nanos);
    }

    /** Plain lines, for anything that is not a terminal. */
    static final class Lines extends Progress {
        private static final long EVERY_NANOS = 5_000_000_000L;

        private final String label;
        private final long total;
        private final PrintStream err;
        private long done;
        private long rows;
        private long lastShownDone;
        private long lastShownAt = System.nanoTime();

        Lines(String label, long total, PrintStream err) {
            this.label = label;
            this.total = total;
            this.err = err;
        }

        @Override
        public void advance(long items, long rows, String detail) {
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
                        rowsPerSecond(this.rows, elapsedNanos()));
                err.flush();
                lastShownDone = done;
                lastShownAt = now;
            }
        }
    }

    /** A progress bar redrawn in place on the terminal. */
    static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String label, long total, String unit, PrintStream err) {
            this.bar = new ProgressBarBuilder()
                    .setTaskName(label)
                    .setInitialMax(Math.max(total, 0))
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .build();
        }

        @Override
        public void advance(long items, long rows, String detail) {
            bar.stepBy(items);
            bar.setExtraMessage(detail.strip());
        }

        @Override
        public void close() {
            bar.close();
        }
    }
}
