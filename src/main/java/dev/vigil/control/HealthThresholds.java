package dev.vigil.control;

/**
 * When a model is tripped: over a window of the last {@code window} inferences, an error rate above
 * {@code maxErrorRate}, a p95 latency above {@code maxLatencyFactor} times the baseline's, or a population stability
 * index of the output scores above {@code maxPsi} (0.25 is the usual "significant shift").
 */
public record HealthThresholds(int window, double maxErrorRate, double maxLatencyFactor, double maxPsi) {
    public HealthThresholds {
        if (window < 10) {
            throw new IllegalArgumentException("a health window needs at least 10 inferences");
        }
    }

    public static HealthThresholds defaults() {
        return new HealthThresholds(200, 0.05, 3.0, 0.25);
    }
}
