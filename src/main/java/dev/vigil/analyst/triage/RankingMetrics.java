package dev.vigil.analyst.triage;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How well scores rank true positives above the rest. Pure.
 *
 * @param auc            area under the ROC curve (ties count half)
 * @param fpAtRecall95   false positives an analyst must look at to see 95% of the true positives, working down the
 *                       ranking (ties at the cut are all looked at)
 * @param brier          mean squared error of the scores as probabilities (lower is better calibrated)
 */
public record RankingMetrics(int alerts, int truePositives, double auc, int fpAtRecall95, double brier) {

    public static RankingMetrics of(double[] scores, boolean[] truePositive) {
        int n = scores.length;
        if (truePositive.length != n) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is " + scores[i] + ": a model that scores NaN or "
                        + "infinity cannot be ranked (did its training diverge?)");
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        int positives = 0;
        double brier = 0;
        for (int i = 0; i < n; i++) {
            positives += truePositive[i] ? 1 : 0;
            double d = scores[i] - (truePositive[i] ? 1 : 0);
            brier += d * d;
        }
        int needed = (int) Math.ceil(0.95 * positives);
        int seenTp = 0;
        int seenFp = 0;
        int fpAt95 = positives == 0 ? 0 : -1;
        double aucSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            int tieTp = 0;
            int tieFp = 0;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (truePositive[order[j]]) {
                    tieTp++;
                } else {
                    tieFp++;
                }
                j++;
            }
            aucSum += tieFp * (seenTp + tieTp / 2.0); // each negative outranked by the positives above it
            seenTp += tieTp;
            seenFp += tieFp;
            if (fpAt95 < 0 && seenTp >= needed) {
                fpAt95 = seenFp;
            }
            i = j;
        }
        int negatives = n - positives;
        double auc = positives == 0 || negatives == 0 ? Double.NaN : aucSum / ((double) positives * negatives);
        return new RankingMetrics(n, positives, auc, fpAt95, n == 0 ? Double.NaN : brier / n);
    }
}
