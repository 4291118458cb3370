package dev.vigil.analyst.triage;

import java.util.List;

/**
 * Trains a {@link TriageModel} from labelled alerts: standardisation from the training set, then L2-regularised
 * logistic regression by full-batch gradient descent with classes weighted to equal total weight (true positives
 * are rare). Pure and deterministic: the same examples in the same order give the same model, bit for bit.
 */
public final class TriageTrainer {

    private final int iterations;
    private final double learningRate;
    private final double l2;

    public TriageTrainer(int iterations, double learningRate, double l2) {
        if (iterations < 1 || !(learningRate > 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("training needs iterations >= 1, a positive learning rate and l2 >= 0");
        }
        this.iterations = iterations;
        this.learningRate = learningRate;
        this.l2 = l2;
    }

    /** The trainer the factory pipeline and feedback learning use. */
    public static TriageTrainer standard() {
        return new TriageTrainer(600, 0.5, 1e-3);
    }

    /** A labelled alert: its features and whether it was a true positive. */
    public record LabelledAlert(String alertId, float[] features, boolean truePositive) {
    }

    public TriageModel train(FeatureSchema schema, List<LabelledAlert> examples) {
        int f = schema.size();
        long positives = examples.stream().filter(LabelledAlert::truePositive).count();
        if (positives == 0 || positives == examples.size()) {
            throw new IllegalArgumentException("training needs both true positives and other verdicts; got " + positives
                    + " true positives of " + examples.size());
        }
        float[] mean = new float[f];
        float[] scale = new float[f];
        for (LabelledAlert e : examples) {
            if (e.features().length != f) {
                throw new IllegalArgumentException("alert " + e.alertId() + " has " + e.features().length + " features, not " + f);
            }
            for (int i = 0; i < f; i++) {
                mean[i] += e.features()[i];
            }
        }
        for (int i = 0; i < f; i++) {
            mean[i] /= examples.size();
        }
        for (LabelledAlert e : examples) {
            for (int i = 0; i < f; i++) {
                float d = e.features()[i] - mean[i];
                scale[i] += d * d;
            }
        }
        for (int i = 0; i < f; i++) {
            double sd = Math.sqrt(scale[i] / examples.size());
            scale[i] = sd < 1e-6 ? 0f : (float) (1.0 / sd); // a constant feature carries no information
        }
        double wPos = examples.size() / (2.0 * positives);
        double wNeg = examples.size() / (2.0 * (examples.size() - positives));
        double[] w = new double[f];
        double b = 0;
        double[][] z = new double[examples.size()][f];
        for (int n = 0; n < examples.size(); n++) {
            for (int i = 0; i < f; i++) {
                z[n][i] = (examples.get(n).features()[i] - mean[i]) * scale[i];
            }
        }
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[f];
            double gradB = 0;
            for (int n = 0; n < z.length; n++) {
                double logit = b;
                for (int i = 0; i < f; i++) {
                    logit += w[i] * z[n][i];
                }
                double p = 1.0 / (1.0 + Math.exp(-logit));
                boolean y = examples.get(n).truePositive();
                double err = (p - (y ? 1 : 0)) * (y ? wPos : wNeg);
                for (int i = 0; i < f; i++) {
                    grad[i] += err * z[n][i];
                }
                gradB += err;
            }
            for (int i = 0; i < f; i++) {
                w[i] -= learningRate * (grad[i] / z.length + l2 * w[i]);
            }
            b -= learningRate * gradB / z.length;
        }
        float[] weights = new float[f];
        for (int i = 0; i < f; i++) {
            weights[i] = (float) w[i];
        }
        return new TriageModel(schema, mean, scale, weights, (float) b);
    }
}
