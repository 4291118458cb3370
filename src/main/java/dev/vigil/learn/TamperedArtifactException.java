package dev.vigil.learn;

/** A model artifact that is missing or whose bytes are not the ones the registry recorded: it is never loaded. */
public final class TamperedArtifactException extends IllegalStateException {

    public TamperedArtifactException(String label, String detail) {
        super("refusing model " + label + ": " + detail);
    }
}
