package io.strata.bootstrap.cli;

/**
 * A command that could not do its work for a reason the operator should read (a refused rollback or restore, a
 * missing file): reported as one line ({@code strata: <command>: <message>}) with exit status 1.
 */
public final class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
