package dev.vigil.analyst.triage;

import dev.vigil.detect.RuleLevel;

/**
 * Priorities shown to analysts. Pure. With the model: P1 from probability 0.8, P2 from 0.5, P3 from 0.2, else P4.
 * Without it (switched off, missing or refused): rules-only severity, critical P1, high P2, medium P3, else P4.
 */
public final class Priorities {

    private Priorities() {
    }

    public static String fromProbability(double p) {
        return p >= 0.8 ? "P1" : p >= 0.5 ? "P2" : p >= 0.2 ? "P3" : "P4";
    }

    public static String fromLevel(RuleLevel level) {
        return switch (level) {
            case CRITICAL -> "P1";
            case HIGH -> "P2";
            case MEDIUM -> "P3";
            default -> "P4";
        };
    }
}
