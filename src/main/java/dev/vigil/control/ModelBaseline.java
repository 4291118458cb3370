package dev.vigil.control;

/**
 * A model version's behaviour when it was evaluated: its p95 latency and how its output scores fell into bins
 * ({@code edges} are the upper bounds of all bins but the last; {@code shares} sum to 1).
 */
public record ModelBaseline(double latencyP95Millis, double[] edges, double[] shares) {
    public ModelBaseline {
        if (shares.length != edges.length + 1) {
            throw new IllegalArgumentException("a baseline needs one more share than edges");
        }
        edges = edges.clone();
        shares = shares.clone();
    }

    int bin(double score) {
        for (int i = 0; i < edges.length; i++) {
            if (score <= edges[i]) {
                return i;
            }
        }
        return edges.length;
    }
}
