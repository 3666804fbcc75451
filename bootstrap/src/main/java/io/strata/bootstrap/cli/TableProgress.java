package io.strata.bootstrap.cli;

import io.strata.bootstrap.database.BackupArchive;

/** Progress of a backup or restore: one bar (or plain lines) per table, of its rows. */
final class TableProgress implements BackupArchive.Listener, AutoCloseable {
    private final Cli cli;
    private final String verb;
    private Progress current;

    TableProgress(Cli cli, String verb) {
        this.cli = cli;
        this.verb = verb;
    }

    @Override
    public void table(String name, long rows) {
        close();
        current = Progress.start(cli, verb + " " + name, rows, "rows");
        if (rows == 0) {
            current.advance(0, 0, "");
        }
    }

    @Override
    public void rows(long rows) {
        if (current != null) {
            current.advance(rows, rows, "");
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
