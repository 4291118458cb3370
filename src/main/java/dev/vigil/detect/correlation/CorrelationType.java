package dev.vigil.detect.correlation;

import java.util.Locale;

/** The correlation types of the Sigma correlation specification v2.1. */
public enum CorrelationType {
    EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED, VALUE_SUM, VALUE_AVG, VALUE_PERCENTILE;

    /** The name rules use ({@code event_count}). */
    public String sigmaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the types whose condition needs a {@code field}. */
    public boolean needsField() {
        return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
    }

    /** True for the types whose condition counts distinct referenced rules. */
    public boolean temporal() {
        return this == TEMPORAL || this == TEMPORAL_ORDERED;
    }
}
