package dev.vigil.analyst.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.connectors.ConnectorRegistry;
import dev.vigil.detect.DetectionContent;
import dev.vigil.simulate.AttackKind;
import dev.vigil.simulate.SimulationOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The reproducible pipeline behind the shipped triage model ({@code vigil model train --factory}): simulate several
 * labelled estates, raise their alerts with the factory rules, train, evaluate on a held-out simulation, and write
 * the ONNX artifact with its manifest.
 *
 * <p>Guarantees: equal options, rules and connectors give a byte-identical artifact and manifest; the evaluation
 * simulation's seed is never among the training seeds.
 */
public final class FactoryTraining {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param seed     the first training seed; training uses {@code seed .. seed + runs - 1}, evaluation {@code seed + 1000}
     * @param runs     how many simulated estates to train on
     * @param hosts    hosts per estate
     * @param duration simulated time per estate
     */
    public record Options(long seed, int runs, int hosts, Duration duration, String version, String codeVersion) {
        public Options {
            if (runs < 1 || runs > 50) {
                throw new IllegalArgumentException("runs must be between 1 and 50, was " + runs);
            }
        }
    }

    /** What the pipeline produced and measured. */
    public record Result(TriageModel model, RankingMetrics training, RankingMetrics evaluation,
                         RankingMetrics ruleLevelOnly, ObjectNode lineage, ObjectNode evaluationJson) {
    }

    private FactoryTraining() {
    }

    public static Result run(Options o, ConnectorRegistry connectors, DetectionContent rules, String rulesHash,
                             List<String> groupBy, Duration dedupWindow) throws IOException {
        List<TriageTrainer.LabelledAlert> training = new ArrayList<>();
        for (int r = 0; r < o.runs(); r++) {
            training.addAll(SimulatedAlerts.features(SimulatedAlerts.generate(options(o, o.seed() + r), connectors, rules,
                    groupBy, dedupWindow)));
        }
        TriageModel model = TriageTrainer.standard().train(FeatureSchema.CURRENT, training);
        List<SimulatedAlerts.Labelled> held = SimulatedAlerts.generate(options(o, o.seed() + 1000), connectors, rules,
                groupBy, dedupWindow);
        List<TriageTrainer.LabelledAlert> evaluation = SimulatedAlerts.features(held);
        RankingMetrics train = metrics(model, training);
        RankingMetrics eval = metrics(model, evaluation);
        double[] levels = new double[held.size()];
        boolean[] labels = new boolean[held.size()];
        for (int i = 0; i < held.size(); i++) {
            levels[i] = held.get(i).alert().level().ordinal();
            labels[i] = held.get(i).truePositive();
        }
        RankingMetrics byLevel = RankingMetrics.of(levels, labels);
        ObjectNode lineage = JSON.createObjectNode().put("pipeline", "vigil model train --factory")
                .put("codeVersion", o.codeVersion()).put("trainingSeeds", o.seed() + ".." + (o.seed() + o.runs() - 1))
                .put("hostsPerEstate", o.hosts()).put("durationPerEstate", o.duration().toString())
                .put("attacks", "all " + AttackKind.values().length + " kinds").put("rulesSha256", rulesHash)
                .put("trainer", "standardised L2 logistic regression, 600 full-batch steps, rate 0.5, l2 0.001, classes weighted")
                .put("trainingAlerts", train.alerts()).put("trainingTruePositives", train.truePositives());
        ObjectNode evalJson = JSON.createObjectNode().put("heldOutSeed", o.seed() + 1000).put("alerts", eval.alerts())
                .put("truePositives", eval.truePositives());
        evalJson.putObject("model").put("auc", round(eval.auc())).put("falsePositivesAt95Recall", eval.fpAtRecall95())
                .put("brier", round(eval.brier()));
        evalJson.putObject("ruleLevelOnly").put("auc", round(byLevel.auc())).put("falsePositivesAt95Recall", byLevel.fpAtRecall95());
        return new Result(model, train, eval, byLevel, lineage, evalJson);
    }

    /** Runs the pipeline and writes the model directory. */
    public static Result writeTo(Path dir, Options o, ConnectorRegistry connectors, DetectionContent rules, String rulesHash,
                                 List<String> groupBy, Duration dedupWindow) throws IOException {
        Result r = run(o, connectors, rules, rulesHash, groupBy, dedupWindow);
        TriageManifest.write(dir, o.version(), r.model().toOnnx(o.version()), r.lineage(), r.evaluationJson());
        return r;
    }

    private static SimulationOptions options(Options o, long seed) {
        return new SimulationOptions(seed, o.hosts(), o.duration(), SimulationOptions.DEFAULT_START, EnumSet.allOf(AttackKind.class));
    }

    private static RankingMetrics metrics(TriageModel model, List<TriageTrainer.LabelledAlert> alerts) {
        double[] s = new double[alerts.size()];
        boolean[] y = new boolean[alerts.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = model.score(alerts.get(i).features());
            y[i] = alerts.get(i).truePositive();
        }
        return RankingMetrics.of(s, y);
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
    }
}
