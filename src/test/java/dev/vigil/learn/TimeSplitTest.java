package dev.vigil.learn;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeSplitTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private static VerdictExample at(int minute, boolean tp) {
        return new VerdictExample("A-" + String.format("%04d", minute), T0.plusSeconds(60L * minute), new float[] {minute},
                tp, tp ? "TRUE_POSITIVE" : "FALSE_POSITIVE", "GRANTED", "2026-1", T0.plusSeconds(60L * minute + 30));
    }

    private static List<VerdictExample> alternating(int n) {
        List<VerdictExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(at(i, i % 2 == 0));
        }
        return out;
    }

    @Test
    void everyHeldOutAlertWasRaisedNoEarlierThanEveryTrainingAlert() {
        List<VerdictExample> shuffled = alternating(40);
        Collections.shuffle(shuffled, new Random(3));

        TimeSplit.Parts parts = new TimeSplit(0.3, 5, 3).split(shuffled, new StringBuilder()).orElseThrow();

        Instant lastTrain = parts.train().getLast().raisedAt();
        assertTrue(parts.heldOut().stream().allMatch(e -> !e.raisedAt().isBefore(lastTrain)));
        assertEquals(12, parts.heldOut().size());
        assertEquals(28, parts.train().size());
    }

    @Test
    void theSplitDoesNotDependOnTheOrderVerdictsArriveIn() {
        List<VerdictExample> a = alternating(30);
        List<VerdictExample> b = new ArrayList<>(a);
        Collections.reverse(b);
        TimeSplit split = new TimeSplit(0.3, 3, 3);

        assertEquals(split.split(a, new StringBuilder()).orElseThrow().heldOut().stream().map(VerdictExample::alertId).toList(),
                split.split(b, new StringBuilder()).orElseThrow().heldOut().stream().map(VerdictExample::alertId).toList());
    }

    @Test
    void tooFewTruePositivesInTheHeldOutPartIsRefusedWithTheCounts() {
        List<VerdictExample> v = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            v.add(at(i, i % 2 == 0));
        }
        for (int i = 28; i < 40; i++) {
            v.add(at(i, false)); // the latest verdicts are all false positives
        }
        StringBuilder why = new StringBuilder();

        assertFalse(new TimeSplit(0.3, 5, 3).split(v, why).isPresent());
        assertTrue(why.toString().contains("(held out) hold 0 and 12"), why.toString());
    }

    @Test
    void aHeldOutFractionOutsideTheSaneRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TimeSplit(0.9, 5, 3));
    }
}
