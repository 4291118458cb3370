package dev.vigil.ingest.spool;

import java.nio.file.Path;

/** A spool record that fails its checksum in the middle of a segment: reported precisely, never skipped silently. */
public class SpoolCorruptedException extends RuntimeException {

    public SpoolCorruptedException(Path segment, long offset, String problem) {
        super("spool segment " + segment + " is corrupt at byte " + offset + ": " + problem);
    }
}
