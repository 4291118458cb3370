package dev.vigil.update.tuf;

import java.time.Instant;
import java.util.Objects;

/**
 * What the appliance trusts after the last accepted bundle: the newest root (as signed bytes, so it can be stored and
 * re-verified), the versions of the other roles, and a time floor.
 *
 * <p>Guarantees: versions and the time floor only move forward through {@link MetadataVerifier}; the floor is the
 * latest clock reading at which a bundle was accepted, so turning the clock back cannot make expired metadata fresh.
 */
public record TrustedState(SignedEnvelope rootEnvelope, RootMetadata root, long timestampVersion,
                           long snapshotVersion, long targetsVersion, Instant timeFloor) {

    public TrustedState {
        Objects.requireNonNull(rootEnvelope, "rootEnvelope");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(timeFloor, "timeFloor");
    }

    /**
     * The state at install: the pinned initial root, which must be signed by a threshold of its own root keys, and
     * nothing accepted yet.
     */
    public static TrustedState pinned(byte[] rootJson, String file) {
        SignedEnvelope envelope = SignedEnvelope.parse(file, rootJson);
        RootMetadata root = MetadataReader.root(envelope);
        Signatures.requireThreshold(root, Role.ROOT, envelope, "its own");
        return new TrustedState(envelope, root, 0, 0, 0, Instant.EPOCH);
    }
}
