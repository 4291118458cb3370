package dev.vigil.analyst.similar;

import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.detect.alert.AlertStatus;
import dev.vigil.detect.alert.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which similar alerts' verdicts count. */
class VerdictTallyTest {

    private static SimilarAlert alert(double similarity, AlertStatus status, Verdict verdict) {
        return new SimilarAlert("A-" + similarity, similarity, "t", "r", "high", status, verdict, Instant.EPOCH);
    }

    @Test
    void countsOnlyClosedAlertsAtOrAboveTheThreshold() {
        List<SimilarAlert> near = List.of(
                alert(0.95, AlertStatus.CLOSED, Verdict.TRUE_POSITIVE),
                alert(0.93, AlertStatus.NEW, null),
                alert(0.90, AlertStatus.ACKNOWLEDGED, null),
                alert(0.85, AlertStatus.CLOSED, Verdict.FALSE_POSITIVE),
                alert(0.80, AlertStatus.CLOSED, Verdict.BENIGN_POSITIVE),
                alert(0.79, AlertStatus.CLOSED, Verdict.TRUE_POSITIVE));
        assertEquals(new SimilarVerdictSummary(3, 1, 1, 1), new VerdictTally(0.80, 10).summarise(near));
    }

    @Test
    void countsAtMostTheLimitNearestFirst() {
        List<SimilarAlert> near = List.of(
                alert(0.99, AlertStatus.CLOSED, Verdict.FALSE_POSITIVE),
                alert(0.98, AlertStatus.CLOSED, Verdict.FALSE_POSITIVE),
                alert(0.97, AlertStatus.CLOSED, Verdict.TRUE_POSITIVE));
        assertEquals(new SimilarVerdictSummary(2, 0, 0, 2), new VerdictTally(0.5, 2).summarise(near));
    }

    @Test
    void noNeighboursIsNone() {
        assertEquals(SimilarVerdictSummary.NONE, new VerdictTally(0.8, 10).summarise(List.of()));
    }
}
