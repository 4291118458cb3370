package dev.vigil.audit.syslog;

import dev.vigil.audit.CheckpointStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of the audit chain the collector has been sent and acknowledged (by the connection staying up after it):
 * the number of trail entries and of signed checkpoints. Kept in {@code <data>/audit/syslog.position} as one line
 * {@code entries=N checkpoints=M}, replaced atomically.
 *
 * @param entries     trail entries shipped (entries 1..entries)
 * @param checkpoints checkpoints shipped (the first {@code checkpoints} lines of {@code checkpoints.log})
 */
public record SyslogPosition(long entries, long checkpoints) {

    /** The file name under the audit directory. */
    public static final String FILE = "syslog.position";

    public SyslogPosition {
        if (entries < 0 || checkpoints < 0) {
            throw new IllegalArgumentException("a syslog position cannot be negative: " + entries + "/" + checkpoints);
        }
    }

    /** The stored position, or nothing shipped yet when there is no file. */
    public static SyslogPosition load(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return new SyslogPosition(0, 0);
        }
        try {
            String text = Files.readString(file).strip();
            long entries = -1;
            long checkpoints = -1;
            for (String part : text.split("\\s+")) {
                if (part.startsWith("entries=")) {
                    entries = Long.parseLong(part.substring("entries=".length()));
                } else if (part.startsWith("checkpoints=")) {
                    checkpoints = Long.parseLong(part.substring("checkpoints=".length()));
                }
            }
            if (entries < 0 || checkpoints < 0) {
                throw new IllegalStateException(file + " is not 'entries=N checkpoints=M': '" + text + "'");
            }
            return new SyslogPosition(entries, checkpoints);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(file + " holds a malformed number: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void store(Path directory) throws IOException {
        CheckpointStore.writeAtomically(directory.resolve(FILE), "entries=" + entries + " checkpoints=" + checkpoints + "\n");
    }
}
