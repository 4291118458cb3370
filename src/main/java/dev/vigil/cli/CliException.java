package dev.vigil.cli;

/** A failure a CLI user can act on; the top-level command prints its message (no stack trace) and exits non-zero. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(String message) {
        this(message, 1);
    }

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
