package dev.vigil.learn;

import dev.vigil.analyst.triage.RankingMetrics;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChampionGateTest {

    private static RankingMetrics m(double auc, int fp, double brier) {
        return new RankingMetrics(100, 20, auc, fp, brier);
    }

    private final ChampionGate gate = ChampionGate.standard();

    @Test
    void fewerFalsePositivesWithoutLosingAucOrCalibrationIsPromoted() {
        assertTrue(gate.decide(m(0.90, 5, 0.10), m(0.90, 9, 0.10)).promote());
    }

    @Test
    void moreFalsePositivesIsKeptOutAndTheReasonGivesBothCounts() {
        ChampionGate.Decision d = gate.decide(m(0.95, 10, 0.05), m(0.90, 9, 0.10));

        assertFalse(d.promote());
        assertTrue(d.reason().contains("false positives before 95% recall 10 vs champion 9"), d.reason());
    }

    @Test
    void aWorseCalibratedChallengerIsKeptOutEvenWithFewerFalsePositives() {
        ChampionGate.Decision d = gate.decide(m(0.92, 3, 0.20), m(0.90, 9, 0.10));

        assertFalse(d.promote());
        assertTrue(d.reason().contains("Brier score 0.200 vs champion 0.100"), d.reason());
    }

    @Test
    void anAucDropBeyondTheToleranceIsKeptOut() {
        assertFalse(gate.decide(m(0.85, 8, 0.10), m(0.90, 9, 0.10)).promote());
    }

    @Test
    void aChallengerMerelyEqualToTheChampionIsKeptOut() {
        ChampionGate.Decision d = gate.decide(m(0.90, 9, 0.10), m(0.90, 9, 0.10));

        assertFalse(d.promote());
        assertTrue(d.reason().contains("no better than the champion"), d.reason());
    }
}
