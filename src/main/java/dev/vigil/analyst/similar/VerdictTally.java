package dev.vigil.analyst.similar;

import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.detect.alert.AlertStatus;

import java.util.List;

/**
 * Counts the verdicts of similar closed alerts. Pure.
 *
 * <p>Guarantees: of the neighbours, in the order given (nearest first), only closed alerts with a verdict and a
 * similarity at or above {@code threshold} count, and at most {@code limit} of them; the summary's total is the
 * number counted.
 */
public record VerdictTally(double threshold, int limit) {

    public VerdictTally {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("a similarity threshold lies in [-1, 1], was " + threshold);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("the verdict limit must be at least 1, was " + limit);
        }
    }

    public SimilarVerdictSummary summarise(List<SimilarAlert> neighbours) {
        int similar = 0;
        int tp = 0;
        int bp = 0;
        int fp = 0;
        for (SimilarAlert a : neighbours) {
            if (similar == limit) {
                break;
            }
            if (a.status() != AlertStatus.CLOSED || a.verdict() == null || a.similarity() < threshold) {
                continue;
            }
            similar++;
            switch (a.verdict()) {
                case TRUE_POSITIVE -> tp++;
                case BENIGN_POSITIVE -> bp++;
                case FALSE_POSITIVE -> fp++;
            }
        }
        return new SimilarVerdictSummary(similar, tp, bp, fp);
    }
}
