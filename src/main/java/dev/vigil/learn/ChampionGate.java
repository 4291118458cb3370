package dev.vigil.learn;

import dev.vigil.analyst.triage.RankingMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a challenger may replace the champion, from both models' metrics on the same held-out verdicts.
 * Pure.
 *
 * <p>The challenger passes only if every check holds: it shows analysts no more false positives before 95% of the
 * true positives than the champion does; its AUC is at most {@code maxAucDrop} below the champion's; its Brier score
 * (calibration) is at most {@code maxBrierRise} above; and it is strictly better on at least one of false positives,
 * AUC (by {@code minAucGain}) or Brier score. The decision lists every check with both values, so a kept challenger
 * always says why.
 */
public record ChampionGate(double maxAucDrop, double maxBrierRise, double minAucGain) {

    public ChampionGate {
        if (maxAucDrop < 0 || maxBrierRise < 0 || minAucGain < 0) {
            throw new IllegalArgumentException("gate tolerances must not be negative");
        }
    }

    /** The default gate: AUC may drop by 0.01, Brier may rise by 0.02, an AUC gain counts from 0.005. */
    public static ChampionGate standard() {
        return new ChampionGate(0.01, 0.02, 0.005);
    }

    /** One check: its name, whether it held, and the numbers in words. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** The decision and every check behind it. */
    public record Decision(boolean promote, List<Check> checks) {
        public Decision {
            checks = List.copyOf(checks);
        }

        /** The checks in one sentence: the failed ones when rejected, all when passed. */
        public String reason() {
            List<String> parts = new ArrayList<>();
            for (Check c : checks) {
                if (promote || !c.passed()) {
                    parts.add(c.detail());
                }
            }
            return (promote ? "passed the gate: " : "kept out by the gate: ") + String.join("; ", parts);
        }
    }

    public Decision decide(RankingMetrics challenger, RankingMetrics champion) {
        List<Check> checks = new ArrayList<>();
        int fpC = challenger.fpAtRecall95();
        int fpK = champion.fpAtRecall95();
        checks.add(new Check("false-positives-at-95-recall", fpC <= fpK, String.format(Locale.ROOT,
                "false positives before 95%% recall %d vs champion %d", fpC, fpK)));
        checks.add(new Check("auc", challenger.auc() >= champion.auc() - maxAucDrop, String.format(Locale.ROOT,
                "AUC %.3f vs champion %.3f (may drop by %.3f)", challenger.auc(), champion.auc(), maxAucDrop)));
        checks.add(new Check("calibration", challenger.brier() <= champion.brier() + maxBrierRise, String.format(Locale.ROOT,
                "Brier score %.3f vs champion %.3f (may rise by %.3f)", challenger.brier(), champion.brier(), maxBrierRise)));
        boolean better = fpC < fpK || challenger.auc() >= champion.auc() + minAucGain
                || challenger.brier() < champion.brier() - 1e-9;
        checks.add(new Check("improvement", better, better ? "better on at least one measure"
                : "no better than the champion on any measure"));
        return new Decision(checks.stream().allMatch(Check::passed), checks);
    }
}
