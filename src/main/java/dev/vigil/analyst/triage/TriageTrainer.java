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
        double[] w = new double[f];
        double[] b = {0};
        descend(examples, mean, scale, w, b, null, l2);
        return model(schema, mean, scale, w, b[0]);
    }

    /**
     * Fine-tunes {@code prior} (the champion) on a tenant's verdicts: the prior's standardisation is kept, descent
     * starts from its weights and is pulled back towards them with strength {@code priorStrength}, so a few local
     * verdicts adjust the champion rather than replace what it knew, and many verdicts can move it far. Pure and
     * deterministic like {@link #train}.
     */
    public TriageModel fineTune(TriageModel prior, List<LabelledAlert> examples, double priorStrength) {
        if (!(priorStrength >= 0)) {
            throw new IllegalArgumentException("prior strength must not be negative");
        }
        int f = prior.schema().size();
        long positives = examples.stream().filter(LabelledAlert::truePositive).count();
        if (positives == 0 || positives == examples.size()) {
            throw new IllegalArgumentException("training needs both true positives and other verdicts; got " + positives
                    + " true positives of " + examples.size());
        }
        for (LabelledAlert e : examples) {
            if (e.features().length != f) {
                throw new IllegalArgumentException("alert " + e.alertId() + " has " + e.features().length + " features, not " + f);
            }
        }
        double[] w = new double[f];
        double[] start = new double[f];
        for (int i = 0; i < f; i++) {
            w[i] = prior.weights()[i];
            start[i] = prior.weights()[i];
        }
        double[] b = {prior.bias()};
        descend(examples, prior.mean(), prior.scale(), w, b, start, priorStrength);
        return model(prior.schema(), prior.mean(), prior.scale(), w, b[0]);
    }

    /** Full-batch gradient descent on the class-weighted logistic loss, L2-pulled towards {@code anchor} (or 0). */
    private void descend(List<LabelledAlert> examples, float[] mean, float[] scale, double[] w, double[] bias,
                         double[] anchor, double pull) {
        int f = w.length;
        long positives = examples.stream().filter(LabelledAlert::truePositive).count();
        double wPos = examples.size() / (2.0 * positives);
        double wNeg = examples.size() / (2.0 * (examples.size() - positives));
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
                double logit = bias[0];
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
                if (anchor == null) {
                    w[i] -= learningRate * (grad[i] / z.length + pull * w[i]);
                } else { // the pull as an implicit (proximal) step: stable for any strength
                    w[i] = (w[i] - learningRate * grad[i] / z.length + learningRate * pull * anchor[i]) / (1 + learningRate * pull);
                }
            }
            bias[0] -= learningRate * gradB / z.length;
        }
    }

    private static TriageModel model(FeatureSchema schema, float[] mean, float[] scale, double[] w, double b) {
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return new TriageModel(schema, mean, scale, weights, (float) b);
    }
}
