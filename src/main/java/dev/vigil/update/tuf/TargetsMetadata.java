package dev.vigil.update.tuf;

import java.time.Instant;
import java.util.Map;

/** The signed content of the targets role: every file of the bundle's content, by name. */
public record TargetsMetadata(long version, Instant expires, Map<String, TargetFile> targets) {
    public TargetsMetadata {
        targets = Map.copyOf(targets);
    }
}
