package dev.vigil.learn;

import dev.vigil.analyst.triage.FeatureSchema;
import dev.vigil.analyst.triage.RankingMetrics;
import dev.vigil.analyst.triage.TriageModel;
import dev.vigil.analyst.triage.TriageTrainer;

import java.util.List;

/**
 * One challenge of the champion, as pure computation: split the verdicts by time, train a challenger on the earlier
 * part, score both models on the later part, and ask the gate. The appliance ({@link FeedbackLearning}) and the
 * offline scenario evaluation run exactly this.
 *
 * <p>Guarantees: deterministic for equal verdicts (in any order) and champion; the champion is never trained or
 * changed; neither model sees a held-out verdict before it is scored.
 */
public record Challenge(TimeSplit split, ChampionGate gate) {

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
        TriageModel challenger = TriageTrainer.standard().train(FeatureSchema.CURRENT,
                parts.train().stream().map(VerdictExample::labelled).toList());
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
