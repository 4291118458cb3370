package dev.vigil.update.tuf;

import java.time.Instant;

/** The signed content of the snapshot role: which targets metadata version belongs to this bundle. */
public record SnapshotMetadata(long version, Instant expires, MetaFile targets) {
}
