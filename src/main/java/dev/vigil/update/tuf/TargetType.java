package dev.vigil.update.tuf;

import java.util.Locale;
import java.util.Optional;

/**
 * What a target in a bundle is; each lives under the folder of the same name ({@code rules/…}, {@code models/…},
 * {@code connectors/…}, {@code intel/…}) and is validated by its own content validator before it is used.
 */
public enum TargetType {
    RULES, MODELS, CONNECTORS, INTEL;

    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetType> of(String text) {
        for (TargetType t : values()) {
            if (t.folder().equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
