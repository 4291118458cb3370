package dev.vigil.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * Watches one model version's inferences against its baseline. Pure: no clock, no I/O.
 *
 * <p>Guarantees: judges only a full window (the last {@code window} outcomes), so a few early errors never trip it;
 * reports the first threshold crossed, with the measured value and the limit.
 */
public final class ModelHealthMonitor {

    private static final double EPSILON = 1e-4;

    private final ModelBaseline baseline;
    private final HealthThresholds thresholds;
    private final InferenceOutcome[] ring;
    private int next;
    private long seen;

    public ModelHealthMonitor(ModelBaseline baseline, HealthThresholds thresholds) {
        this.baseline = baseline;
        this.thresholds = thresholds;
        this.ring = new InferenceOutcome[thresholds.window()];
    }

    public synchronized void record(InferenceOutcome outcome) {
        ring[next] = outcome;
        next = (next + 1) % ring.length;
        seen++;
    }

    /** Why this model should be switched off now, if it should. */
    public synchronized Optional<String> assess() {
        if (seen < ring.length) {
            return Optional.empty();
        }
        int errors = 0;
        double[] latencies = new double[ring.length];
        double[] counts = new double[baseline.shares().length];
        int scored = 0;
        for (int i = 0; i < ring.length; i++) {
            latencies[i] = ring[i].latencyMillis();
            if (ring[i].failed()) {
                errors++;
            } else {
                counts[baseline.bin(ring[i].score())]++;
                scored++;
            }
        }
        double errorRate = errors / (double) ring.length;
        if (errorRate > thresholds.maxErrorRate()) {
            return Optional.of(String.format("error rate %.3f over the last %d inferences exceeds %.3f", errorRate,
                    ring.length, thresholds.maxErrorRate()));
        }
        Arrays.sort(latencies);
        double p95 = latencies[(int) Math.ceil(0.95 * latencies.length) - 1];
        double limit = baseline.latencyP95Millis() * thresholds.maxLatencyFactor();
        if (p95 > limit) {
            return Optional.of(String.format("p95 latency %.1f ms exceeds %.1f ms (%.1f × the baseline %.1f ms)", p95, limit,
                    thresholds.maxLatencyFactor(), baseline.latencyP95Millis()));
        }
        double psi = scored == 0 ? 0 : psi(counts, scored);
        if (psi > thresholds.maxPsi()) {
            return Optional.of(String.format("output distribution drifted: population stability index %.3f exceeds %.3f",
                    psi, thresholds.maxPsi()));
        }
        return Optional.empty();
    }

    /** Population stability index of the observed bin counts against the baseline shares. */
    double psi(double[] counts, int total) {
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            double actual = Math.max(counts[i] / total, EPSILON);
            double expected = Math.max(baseline.shares()[i], EPSILON);
            sum += (actual - expected) * Math.log(actual / expected);
        }
        return sum;
    }
}
