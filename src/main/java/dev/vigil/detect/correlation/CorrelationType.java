package dev.vigil.detect.correlation;

import java.util.Locale;

/**
 * The correlation types of the Sigma correlation specification v2.1. Each knows what its condition needs and whether
 * its measure can only grow as matches join a window, which decides when the engine may fire.
 */
public enum CorrelationType {
    EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED, VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE;

    /** The name rules use ({@code event_count}). */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a rule names, or null when the specification defines no such type. */
    public static CorrelationType fromSigmaName(String text) {
        for (CorrelationType type : values()) {
            if (type.sigmaName().equals(text)) {
                return type;
            }
        }
        return null;
    }

    /** True for the types whose condition needs a {@code field}. */
    public boolean needsField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** True for the types whose condition counts distinct referenced rules (and may be left out). */
    public boolean temporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }

    /**
     * True when the measure can only grow as matches join a window (counts, distinct counts, the ordered prefix, a sum
     * of the non-negative amounts it is meant for), so a lower bound that holds once holds for the rest of the window.
     */
    public boolean growing() {
        return this != VALUE_AVG && this != VALUE_PERCENTILE;
    }
}
