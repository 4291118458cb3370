package dev.vigil.update.tuf;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts the signatures on a metadata file that a role of a root accepts.
 *
 * <p>Guarantees: pure; a signature counts only if its key id is one of the role's, the key is in the root, and the
 * signature verifies over the canonical signed bytes; each key counts once however often it signs and under however
 * many ids the same public key is listed, so one compromised key can never reach a threshold of two.
 */
public final class Signatures {

    private Signatures() {
    }

    /** How many distinct keys of {@code role} in {@code root} validly signed {@code envelope}. */
    public static int count(RootMetadata root, Role role, SignedEnvelope envelope) {
        RoleKeys keys = root.role(role);
        Set<Ed25519Key> counted = new HashSet<>();
        for (SignedEnvelope.KeySignature s : envelope.signatures()) {
            if (!keys.keyIds().contains(s.keyId())) {
                continue;
            }
            Ed25519Key key = root.keys().get(s.keyId());
            if (key != null && !counted.contains(key) && key.verifies(envelope.signedBytes(), s.signature())) {
                counted.add(key);
            }
        }
        return counted.size();
    }

    /** Throws {@link Rejection#UNTRUSTED} unless a threshold of {@code role}'s keys in {@code root} signed. */
    public static void requireThreshold(RootMetadata root, Role role, SignedEnvelope envelope, String whose) {
        int valid = count(root, role, envelope);
        int threshold = root.role(role).threshold();
        if (valid < threshold) {
            throw new UpdateRejectedException(Rejection.UNTRUSTED, envelope.file(), valid + " valid signature(s) from "
                    + whose + " " + role.id() + " keys, " + threshold + " required");
        }
    }
}
