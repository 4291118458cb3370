package dev.vigil.control;

/** One inference of a model: whether it failed, how long it took, and its output score (ignored when it failed). */
public record InferenceOutcome(boolean failed, double latencyMillis, double score) {

    public static InferenceOutcome success(double latencyMillis, double score) {
        return new InferenceOutcome(false, latencyMillis, score);
    }

    public static InferenceOutcome failure(double latencyMillis) {
        return new InferenceOutcome(true, latencyMillis, Double.NaN);
    }
}
