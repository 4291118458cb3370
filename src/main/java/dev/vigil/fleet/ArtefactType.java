package dev.vigil.fleet;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of derived artefact that may ever be considered for fleet promotion. Raw events are not among them, and
 * there is no way to add a sighting of anything else.
 */
public enum ArtefactType {
    /** A keyed hash of a normalised indicator (domain, IP, file hash, URL). */
    INDICATOR_HASH("indicator-hash"),
    /** A keyed hash of a pattern shape: the text with every run of letters or digits replaced. */
    PATTERN_SHAPE("pattern-shape"),
    /** A keyed hash of an anomaly model's fingerprint. */
    ANOMALY_FINGERPRINT("anomaly-fingerprint");

    private final String external;

    ArtefactType(String external) {
        this.external = external;
    }

    public String external() {
        return external;
    }

    /** Parses the external or constant name; anything else is an {@link IllegalArgumentException} naming the choices. */
    public static ArtefactType parse(String text) {
        for (ArtefactType t : values()) {
            if (t.external.equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown artefact type '" + text + "': use "
                + Arrays.stream(values()).map(ArtefactType::external).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return external;
    }
}
