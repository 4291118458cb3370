package dev.vigil.ingest.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Immutable spool configuration.
 *
 * @param directory     where the segment files live
 * @param segmentBytes  size at which a segment is closed and a new one started
 * @param capacityBytes how many bytes of unreleased segments may exist before appends are refused (back-pressure)
 */
public record SpoolSettings(Path directory, long segmentBytes, long capacityBytes) {

    public SpoolSettings {
        Objects.requireNonNull(directory, "directory");
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("spool segment size must be at least 4096 bytes, was " + segmentBytes);
        }
        if (capacityBytes < segmentBytes) {
            throw new IllegalArgumentException("spool capacity (" + capacityBytes
                    + " bytes) must be at least one segment (" + segmentBytes + " bytes)");
        }
    }

    public static SpoolSettings defaults(Path directory) {
        return new SpoolSettings(directory, 64L << 20, 1L << 30);
    }
}
