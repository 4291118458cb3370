package dev.vigil.update.tuf;

/**
 * One signed target: its path in the bundle's content, exact length, SHA-256 (hex), type and content version.
 */
public record TargetFile(String name, long length, String sha256, TargetType type, long contentVersion) {
}
