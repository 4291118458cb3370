package dev.vigil.learn;

import dev.vigil.analyst.triage.FeatureSchema;
import dev.vigil.analyst.triage.RankingMetrics;
import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageTrainer;

import java.util.List;

/**
 * One challenge of the champion, as pure computation: split the verdicts by time, fine-tune a challenger from the
 * champion on the earlier part (or, with a negative {@code priorStrength}, train one from scratch), score both models
 * on the later part, and ask the gate. The appliance ({@link FeedbackLearning}) and the
 * offline scenario evaluation run exactly this.
 *
 * <p>Guarantees: deterministic for equal verdicts (in any order) and champion; the champion is never trained or
 * changed; neither model sees a held-out verdict before it is scored.
 */
public record Challenge(TimeSplit split, ChampionGate gate, double priorStrength) {

    /**
     * How strongly a challenger is held to the champion's weights by default (see {@link TriageTrainer#fineTune}):
     * chosen on the scenario evaluation, where training from scratch on three days of verdicts lost to the factory
     * model on some seeds (20 false positives at 95% recall against 2) and fine-tuning with 0.1 did not.
     */
    public static final double DEFAULT_PRIOR_STRENGTH = 0.1;

    /** What the challenge produced. */
    public record Result(TimeSplit.Parts parts, TriageModel challenger, RankingMetrics challengerMetrics,
                         RankingMetrics championMetrics, ChampionGate.Decision decision) {
    }

    /**
     * @throws LearningRefusedException when the verdicts do not allow the split; the message says which counts fell short
     */
    public Result run(List<VerdictExample> verdicts, TriageModel champion) {
        StringBuilder why = new StringBuilder();
        TimeSplit.Parts parts = split.split(verdicts, why).orElseThrow(() -> new LearningRefusedException(why.toString()));
        List<TriageTrainer.LabelledAlert> train = parts.train().stream().map(VerdictExample::labelled).toList();
        TriageModel challenger = priorStrength < 0 ? TriageTrainer.standard().train(FeatureSchema.CURRENT, train)
                : TriageTrainer.standard().fineTune(champion, train, priorStrength);
        RankingMetrics cm = metrics(challenger, parts.heldOut());
        RankingMetrics km = metrics(champion, parts.heldOut());
        return new Result(parts, challenger, cm, km, gate.decide(cm, km));
    }

    /** A model's ranking of the given verdicts (Java scoring, equal to ONNX Runtime's within 1e-5). */
    public static RankingMetrics metrics(TriageModel model, List<VerdictExample> examples) {
        double[] s = new double[examples.size()];
        boolean[] y = new boolean[examples.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = model.score(examples.get(i).features());
            y[i] = examples.get(i).truePositive();
        }
        return RankingMetrics.of(s, y);
    }
}
