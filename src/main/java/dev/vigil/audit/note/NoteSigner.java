package dev.vigil.audit.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * Signs notes with one Ed25519 key under one name: as a log (signed-note, algorithm 0x01) or as a witness
 * (tlog-cosignature cosignature/v1, algorithm 0x04, over {@code "cosignature/v1\ntime <t>\n" ‖ checkpoint body}).
 * Pure; the private key never leaves the instance.
 */
public final class NoteSigner {

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] publicKey;

    public NoteSigner(String name, PrivateKey privateKey, byte[] publicKey) {
        NoteVerifierKey.checkName(name);
        this.name = name;
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
    }

    public String name() {
        return name;
    }

    /** The verifier key of this signer as a log key (algorithm 0x01). */
    public NoteVerifierKey verifierKey() {
        return NoteVerifierKey.of(name, NoteVerifierKey.ED25519, publicKey);
    }

    /** The verifier key of this signer as a witness (cosignature/v1, algorithm 0x04). */
    public NoteVerifierKey cosignerKey() {
        return NoteVerifierKey.of(name, NoteVerifierKey.COSIGNATURE_V1, publicKey);
    }

    /** Signs a note text (ending in a newline). */
    public SignedNote sign(String text) {
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, java.util.List.of(new NoteSignature(name, verifierKey().keyId(), signature)));
    }

    /** A cosignature/v1 of a checkpoint body at {@code unixSeconds}. */
    public NoteSignature cosign(String checkpointBody, long unixSeconds) {
        byte[] signature = Ed25519.sign(privateKey, Cosignatures.message(checkpointBody, unixSeconds));
        return new NoteSignature(name, cosignerKey().keyId(),
                ByteBuffer.allocate(8 + signature.length).putLong(unixSeconds).put(signature).array());
    }

    /** Helpers for tlog-cosignature's cosignature/v1. */
    public static final class Cosignatures {
        private Cosignatures() {
        }

        /** The signed message: {@code "cosignature/v1\ntime <t>\n" ‖ body}. */
        public static byte[] message(String checkpointBody, long unixSeconds) {
            return ("cosignature/v1\ntime " + unixSeconds + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * Verifies a witness's cosignature of a checkpoint body and returns its timestamp.
         *
         * @throws IllegalArgumentException when absent, malformed or not valid
         */
        public static long verify(NoteVerifierKey witness, String checkpointBody, java.util.List<NoteSignature> lines) {
            if (witness.algorithm() != NoteVerifierKey.COSIGNATURE_V1) {
                throw new IllegalArgumentException("key " + witness.name() + " is not a cosignature/v1 key");
            }
            NoteSignature s = lines.stream().filter(l -> l.by(witness)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no cosignature by witness " + witness.name()));
            byte[] bytes = s.signature();
            if (bytes.length != 72) {
                throw new IllegalArgumentException("cosignature by " + witness.name() + " is not timestamp and signature");
            }
            long time = ByteBuffer.wrap(bytes, 0, 8).getLong();
            byte[] sig = java.util.Arrays.copyOfRange(bytes, 8, 72);
            if (!Ed25519.verify(witness.publicKey(), message(checkpointBody, time), sig)) {
                throw new IllegalArgumentException("cosignature by " + witness.name() + " does not verify");
            }
            return time;
        }
    }
}
