package io.strata.bootstrap.cli;

/**
 * A command line that cannot run as given (bad number, nothing to seed projects with) found by a command itself
 * (picocli finds the rest): reported as one line ({@code strata: <command>: <message>}) with exit status 2,
 * before anything is written.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
