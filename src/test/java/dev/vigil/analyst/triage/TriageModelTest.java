package dev.vigil.analyst.triage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training, ONNX export and ONNX Runtime agree; training is reproducible; explanations add up. */
class TriageModelTest {

    private static final FeatureSchema SCHEMA = FeatureSchema.CURRENT;

    /** Alerts whose truth depends on two features (precision and entity rules) plus noise. */
    private static List<TriageTrainer.LabelledAlert> examples(long seed, int n) {
        Random r = new Random(seed);
        List<TriageTrainer.LabelledAlert> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[SCHEMA.size()];
            for (int f = 0; f < x.length; f++) {
                x[f] = (float) r.nextGaussian();
            }
            x[14] = 0; // a constant feature must not break training
            boolean tp = 1.5 * x[1] + x[5] + 0.5 * r.nextGaussian() > 0.3;
            out.add(new TriageTrainer.LabelledAlert("a" + i, x, tp));
        }
        return out;
    }

    @Test
    void onnxRuntimeScoresEqualJavaScoresWithin1e5() {
        TriageModel model = TriageTrainer.standard().train(SCHEMA, examples(1, 400));
        List<TriageTrainer.LabelledAlert> probe = examples(2, 500);
        float[][] batch = probe.stream().map(TriageTrainer.LabelledAlert::features).toArray(float[][]::new);
        try (TriageSession session = new TriageSession(model.toOnnx("test-1"), SCHEMA.size())) {
            double[] onnx = session.score(batch);
            for (int i = 0; i < batch.length; i++) {
                assertEquals(model.score(batch[i]), onnx[i], 1e-5, "vector " + i);
            }
        }
    }

    @Test
    void theTrainedModelRanksTheSignalItWasTaught() {
        TriageModel model = TriageTrainer.standard().train(SCHEMA, examples(1, 400));
        List<TriageTrainer.LabelledAlert> test = examples(3, 400);
        double[] s = test.stream().mapToDouble(e -> model.score(e.features())).toArray();
        boolean[] y = new boolean[test.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = test.get(i).truePositive();
        }
        assertTrue(RankingMetrics.of(s, y).auc() > 0.9, "AUC " + RankingMetrics.of(s, y).auc());
    }

    @Test
    void equalExamplesGiveByteIdenticalArtifacts() {
        byte[] first = TriageTrainer.standard().train(SCHEMA, examples(1, 300)).toOnnx("v");
        byte[] second = TriageTrainer.standard().train(SCHEMA, examples(1, 300)).toOnnx("v");
        assertArrayEquals(first, second);
    }

    @Test
    void theParametersReadBackFromTheArtifactAreTheModels() {
        TriageModel model = TriageTrainer.standard().train(SCHEMA, examples(1, 300));
        TriageModel read = TriageModel.fromOnnx(model.toOnnx("v"), SCHEMA);
        assertArrayEquals(model.weights(), read.weights());
        assertArrayEquals(model.mean(), read.mean());
        assertArrayEquals(model.scale(), read.scale());
        assertEquals(model.bias(), read.bias());
    }

    @Test
    void contributionsAndBiasSumToTheLogit() {
        TriageModel model = TriageTrainer.standard().train(SCHEMA, examples(1, 300));
        float[] x = examples(9, 1).getFirst().features();
        double sum = model.bias() + model.explain(x).stream().mapToDouble(TriageModel.Contribution::effect).sum();
        assertEquals(model.logit(x), sum, 1e-4);
        List<Float> magnitudes = model.explain(x).stream().map(c -> Math.abs(c.effect())).toList();
        List<Float> sorted = new ArrayList<>(magnitudes);
        sorted.sort((a, b) -> Float.compare(b, a));
        assertEquals(sorted, magnitudes, "strongest first");
    }

    @Test
    void trainingWithOneClassOnlyIsRefusedWithTheCounts() {
        List<TriageTrainer.LabelledAlert> allBenign = examples(1, 50).stream()
                .map(e -> new TriageTrainer.LabelledAlert(e.alertId(), e.features(), false)).toList();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TriageTrainer.standard().train(SCHEMA, allBenign));
        assertTrue(e.getMessage().contains("0 true positives of 50"), e.getMessage());
    }

    @Test
    void aSessionRefusesAGraphThatIsNotTriage() {
        byte[] notOnnx = "not a model".getBytes();
        assertThrows(IllegalArgumentException.class, () -> new TriageSession(notOnnx, SCHEMA.size()));
    }

    @Test
    void aVectorOfTheWrongWidthIsRefused() {
        TriageModel model = TriageTrainer.standard().train(SCHEMA, examples(1, 100));
        assertThrows(IllegalArgumentException.class, () -> model.score(new float[3]));
        try (TriageSession session = new TriageSession(model.toOnnx("v"), SCHEMA.size())) {
            assertThrows(IllegalArgumentException.class, () -> session.score(new float[][] {new float[3]}));
            assertEquals(0, session.score(new float[0][]).length);
        }
    }
}
