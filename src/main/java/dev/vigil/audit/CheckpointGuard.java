package dev.vigil.audit;

import dev.vigil.audit.merkle.InvalidProofException;
import dev.vigil.audit.merkle.MerkleHasher;
import dev.vigil.audit.merkle.MerkleVerifier;
import dev.vigil.audit.note.Checkpoint;

import java.util.List;

/**
 * The rule that the appliance never signs a checkpoint inconsistent with one it signed before: same origin, no
 * smaller size, and an RFC 9162 consistency proof from the previous tree head to the new one that verifies. Pure.
 */
public final class CheckpointGuard {

    private final MerkleVerifier verifier = new MerkleVerifier(new MerkleHasher());

    /**
     * @throws CheckpointRefusedException saying why {@code next} must not be signed
     */
    public void check(Checkpoint previous, Checkpoint next, List<byte[]> proof) {
        if (previous == null) {
            return;
        }
        String refuse = "refusing to sign a checkpoint of size " + next.size() + " root " + next.rootHex() + ": ";
        if (!previous.origin().equals(next.origin())) {
            throw new CheckpointRefusedException(refuse + "origin '" + next.origin() + "' differs from the origin '"
                    + previous.origin() + "' signed before");
        }
        if (next.size() < previous.size()) {
            throw new CheckpointRefusedException(refuse + "a checkpoint of size " + previous.size()
                    + " was signed before, so entries " + (next.size() + 1) + ".." + previous.size() + " are missing");
        }
        try {
            verifier.verifyConsistency(previous.size(), next.size(), previous.rootHash(), next.rootHash(), proof);
        } catch (InvalidProofException e) {
            throw new CheckpointRefusedException(refuse + "it is not consistent with the checkpoint of size "
                    + previous.size() + " root " + previous.rootHex() + " signed before (" + e.getMessage() + ")");
        }
    }

    /** Signing a checkpoint was refused; the message says why. */
    public static final class CheckpointRefusedException extends RuntimeException {
        public CheckpointRefusedException(String message) {
            super(message);
        }
    }
}
