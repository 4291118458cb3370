package dev.vigil.control;

import java.util.Optional;

/**
 * Every AI feature of the appliance, each with its declared fallback. A feature that is not listed here cannot be
 * switched, so a new model-backed feature must be added here first (DESIGN invariant 6).
 */
public enum AiFeature {
    TRIAGE_MODEL("triage-model", Fallback.RULES_ONLY_SEVERITY),
    ANOMALY_SCORING("anomaly-scoring", Fallback.RULES_ONLY_SEVERITY),
    SIMILAR_ALERTS("similar-alerts", Fallback.NO_SIMILARITY),
    FEEDBACK_LEARNING("feedback-learning", Fallback.FROZEN_CHAMPION),
    FLEET_PROMOTION("fleet-promotion", Fallback.FROZEN_CHAMPION);

    private final String id;
    private final Fallback fallback;

    AiFeature(String id, Fallback fallback) {
        this.id = id;
        this.fallback = fallback;
    }

    public String id() {
        return id;
    }

    public Fallback fallback() {
        return fallback;
    }

    public static Optional<AiFeature> of(String id) {
        for (AiFeature f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Parses user input, naming the known features when it is none of them. */
    public static AiFeature parse(String id) {
        return of(id).orElseThrow(() -> new IllegalArgumentException("unknown AI feature '" + id + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(AiFeature::id).toList())));
    }
}
