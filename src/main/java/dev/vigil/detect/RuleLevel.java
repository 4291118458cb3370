package dev.vigil.detect;

import java.util.Locale;

/** A Sigma rule's {@code level}, lowest first, so levels compare by severity. */
public enum RuleLevel {
    INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name Sigma rules use. */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a Sigma level name (any case); throws {@link IllegalArgumentException} listing the valid names. */
    public static RuleLevel parse(String text) {
        for (RuleLevel level : values()) {
            if (level.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown level '" + text + "': expected informational, low, medium, high or critical");
    }
}
