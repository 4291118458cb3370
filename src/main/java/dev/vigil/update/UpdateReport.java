package dev.vigil.update;

import dev.vigil.update.tuf.TargetFile;

import java.util.List;

/**
 * What a verified (or applied) bundle holds: its version, the root version now trusted, whether the root rotated,
 * its SHA-256, its targets, and for an apply the directory that became current (null for a verification).
 */
public record UpdateReport(long version, int rootVersion, boolean rootRotated, String bundleSha256,
                           List<TargetFile> targets, String directory) {
    public UpdateReport {
        targets = List.copyOf(targets);
    }
}
