package dev.vigil.update.tuf;

import java.time.Instant;

/** The signed content of the timestamp role: which snapshot (version, length, hash) is current. */
public record TimestampMetadata(long version, Instant expires, MetaFile snapshot) {
}
