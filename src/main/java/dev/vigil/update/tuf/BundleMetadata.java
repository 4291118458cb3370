package dev.vigil.update.tuf;

import java.util.List;
import java.util.Objects;

/**
 * The metadata files a bundle carries, as bytes: every root from the one after the appliance's up to the newest (any
 * older ones are ignored), then timestamp, snapshot and targets.
 */
public record BundleMetadata(List<SignedEnvelope> roots, byte[] timestamp, byte[] snapshot, byte[] targets) {
    public BundleMetadata {
        roots = List.copyOf(roots);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(targets, "targets");
    }
}
