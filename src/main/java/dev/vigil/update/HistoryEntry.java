package dev.vigil.update;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One change of installed content: {@code apply} or {@code rollback}, the bundle version and directory that became
 * current, who did it, the bundle's SHA-256 and how many targets it holds.
 */
@Serdeable
public record HistoryEntry(Instant time, String action, long version, String directory, String actor,
                           String bundleSha256, int targets) {
}
