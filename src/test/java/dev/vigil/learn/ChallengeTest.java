package dev.vigil.learn;

import dev.vigil.analyst.triage.FeatureSchema;
import dev.vigil.analyst.triage.TriageModel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChallengeTest {

    private static final int F = FeatureSchema.CURRENT.size();

    /** A champion that believes feature 0 means true positive. */
    private static TriageModel champion() {
        float[] w = new float[F];
        w[0] = 2f;
        float[] ones = new float[F];
        java.util.Arrays.fill(ones, 1f);
        return new TriageModel(FeatureSchema.CURRENT, new float[F], ones, w, 0f);
    }

    /** Verdicts in which feature 1, not feature 0, tells true positives apart. */
    private static List<VerdictExample> verdicts(int n) {
        Random r = new Random(7);
        List<VerdictExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean tp = i % 3 == 0;
            float[] x = new float[F];
            x[0] = (float) r.nextGaussian();
            x[1] = (float) (r.nextGaussian() * 0.5 + (tp ? 2 : -2));
            out.add(new VerdictExample(String.format("A-%04d", i), Instant.EPOCH.plusSeconds(60L * i), x, tp,
                    tp ? "TRUE_POSITIVE" : "FALSE_POSITIVE", "GRANTED", "2026-1", Instant.EPOCH.plusSeconds(60L * i + 5)));
        }
        return out;
    }

    @Test
    void aChallengerFineTunedOnTheTenantsVerdictsLearnsWhatTheChampionMissedAndPassesTheGate() {
        Challenge.Result r = new Challenge(new TimeSplit(0.3, 5, 3), ChampionGate.standard(), 0.1).run(verdicts(90), champion());

        assertTrue(r.challenger().weights()[1] > 0.5, "learnt feature 1: " + r.challenger().weights()[1]);
        assertTrue(r.challengerMetrics().fpAtRecall95() < r.championMetrics().fpAtRecall95());
        assertTrue(r.decision().promote(), r.decision().reason());
    }

    @Test
    void fineTuningKeepsTheChampionsStandardisationAndIsDeterministic() {
        Challenge c = new Challenge(new TimeSplit(0.3, 5, 3), ChampionGate.standard(), 0.1);
        TriageModel a = c.run(verdicts(60), champion()).challenger();
        TriageModel b = c.run(verdicts(60), champion()).challenger();

        assertArrayEquals(champion().mean(), a.mean());
        assertArrayEquals(champion().scale(), a.scale());
        assertArrayEquals(a.weights(), b.weights());
        assertEquals(a.bias(), b.bias());
    }

    @Test
    void aStrongerPriorKeepsTheChallengerCloserToTheChampion() {
        TriageModel loose = new Challenge(new TimeSplit(0.3, 5, 3), ChampionGate.standard(), 0.01).run(verdicts(60), champion()).challenger();
        TriageModel tight = new Challenge(new TimeSplit(0.3, 5, 3), ChampionGate.standard(), 100).run(verdicts(60), champion()).challenger();

        assertTrue(Math.abs(tight.weights()[0] - 2f) < Math.abs(loose.weights()[0] - 2f));
        assertTrue(Float.isFinite(tight.weights()[1]), "a strong pull stays stable");
        assertNotEquals(loose.weights()[1], tight.weights()[1]);
    }
}
