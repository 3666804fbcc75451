package io.strata.bootstrap.cli;

/**
 * A command line that cannot run as given (unknown option, bad number, nothing to seed projects with):
 * reported as one line ({@code strata: <message>}) with exit status 2, before anything is written.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
