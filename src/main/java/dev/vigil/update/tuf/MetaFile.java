package dev.vigil.update.tuf;

/**
 * What one role's metadata says about another role's file: its version, and optionally length and SHA-256
 * ({@code length} is -1 and {@code sha256} null when not given).
 */
public record MetaFile(long version, long length, String sha256) {
}
