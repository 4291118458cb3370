package dev.vigil.update.tuf;

import java.util.Objects;

/**
 * A bundle refused: which check failed ({@link #rejection()}), which file ({@link #file()}) and why (the message).
 * Thrown before anything is changed.
 */
public final class UpdateRejectedException extends IllegalArgumentException {

    private final Rejection rejection;
    private final String file;

    public UpdateRejectedException(Rejection rejection, String file, String why) {
        super(file + ": " + why + " (" + rejection.name().toLowerCase(java.util.Locale.ROOT) + ")");
        this.rejection = Objects.requireNonNull(rejection, "rejection");
        this.file = Objects.requireNonNull(file, "file");
    }

    public Rejection rejection() {
        return rejection;
    }

    public String file() {
        return file;
    }
}
