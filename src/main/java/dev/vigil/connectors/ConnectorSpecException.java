package dev.vigil.connectors;

import java.nio.file.Path;

/**
 * A connector spec that cannot be used. Guarantees: the message always reads {@code <file>:<line>: <problem>} so an
 * operator can go straight to the fault; {@link #file()} and {@link #line()} give the same facts to code.
 */
public final class ConnectorSpecException extends IllegalArgumentException {

    private final transient Path file;
    private final int line;

    public ConnectorSpecException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public ConnectorSpecException(Path file, int line, String problem, Throwable cause) {
        super(file + ":" + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The spec file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault (the line of the key or value concerned). */
    public int line() {
        return line;
    }
}
