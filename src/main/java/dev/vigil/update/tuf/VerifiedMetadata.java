package dev.vigil.update.tuf;

/**
 * Metadata that passed every check: the trust state to store once the bundle is installed, and the signed targets
 * each content file must match before use.
 */
public record VerifiedMetadata(TrustedState next, TargetsMetadata targets, boolean rootRotated) {
}
