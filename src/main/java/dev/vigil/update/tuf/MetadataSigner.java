package dev.vigil.update.tuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds signatures to metadata (the vendor's side). Pure apart from the keys.
 *
 * <p>Guarantees: a signature covers exactly the canonical bytes of {@code signed}; signing again with a key that has
 * already signed replaces its signature rather than adding a second one.
 */
public final class MetadataSigner {

    private MetadataSigner() {
    }

    public static SignedEnvelope sign(SignedEnvelope envelope, List<SigningKey> keys) {
        List<SignedEnvelope.KeySignature> signatures = new ArrayList<>(envelope.signatures());
        for (SigningKey key : keys) {
            String id = key.publicKey().keyId();
            signatures.removeIf(s -> s.keyId().equals(id));
            signatures.add(new SignedEnvelope.KeySignature(id, key.sign(envelope.signedBytes())));
        }
        return new SignedEnvelope(envelope.file(), envelope.signed(), signatures, envelope.signedBytes());
    }
}
