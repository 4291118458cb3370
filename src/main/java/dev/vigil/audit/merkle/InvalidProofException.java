package dev.vigil.audit.merkle;

/** A Merkle proof or tree head that does not verify; the message says which check failed. */
public final class InvalidProofException extends RuntimeException {

    public InvalidProofException(String message) {
        super(message);
    }
}
