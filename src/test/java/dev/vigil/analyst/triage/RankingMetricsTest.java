package dev.vigil.analyst.triage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** AUC and "false positives before 95% of the true positives" as an analyst working down the queue sees them. */
class RankingMetricsTest {

    @Test
    void aPerfectRankingHasAucOneAndNoFalsePositivesAtTheCut() {
        RankingMetrics m = RankingMetrics.of(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {true, true, false, false});
        assertEquals(1.0, m.auc(), 1e-12);
        assertEquals(0, m.fpAtRecall95());
    }

    @Test
    void aReversedRankingHasAucZeroAndEveryFalsePositiveFirst() {
        RankingMetrics m = RankingMetrics.of(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {false, false, true, true});
        assertEquals(0.0, m.auc(), 1e-12);
        assertEquals(2, m.fpAtRecall95());
    }

    @Test
    void tiesCountHalfInAucAndWhollyAtTheCut() {
        // rule level alone: every alert the same score
        RankingMetrics m = RankingMetrics.of(new double[] {3, 3, 3, 3}, new boolean[] {true, false, false, true});
        assertEquals(0.5, m.auc(), 1e-12);
        assertEquals(2, m.fpAtRecall95());
    }

    @Test
    void brierIsTheMeanSquaredError() {
        RankingMetrics m = RankingMetrics.of(new double[] {1.0, 0.5}, new boolean[] {true, false});
        assertEquals(0.125, m.brier(), 1e-12);
    }

    @Test
    void aNanScoreIsRefusedRatherThanRanked() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RankingMetrics.of(new double[] {0.4, Double.NaN}, new boolean[] {true, false}));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("score 1 is NaN"), e.getMessage());
    }
}
