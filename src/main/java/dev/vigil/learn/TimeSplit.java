package dev.vigil.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Splits a tenant's verdicts by time: the earliest part trains the challenger, the latest part is held out to compare
 * challenger and champion. Pure.
 *
 * <p>Guarantees: every held-out alert was raised no earlier than every training alert (ties broken by alert id, so the
 * split is deterministic); the split is refused, with the counts that fell short, unless each side has the minimum
 * true positives and other verdicts.
 *
 * @param heldOutFraction   the share of the latest verdicts held out (0.1 – 0.5)
 * @param minTrainEach      least true positives, and least other verdicts, in the training part
 * @param minHeldOutEach    least true positives, and least other verdicts, in the held-out part
 */
public record TimeSplit(double heldOutFraction, int minTrainEach, int minHeldOutEach) {

    public TimeSplit {
        if (!(heldOutFraction >= 0.1 && heldOutFraction <= 0.5)) {
            throw new IllegalArgumentException("held-out fraction must be between 0.1 and 0.5, was " + heldOutFraction);
        }
        if (minTrainEach < 1 || minHeldOutEach < 1) {
            throw new IllegalArgumentException("minimum counts must be at least 1");
        }
    }

    /** The two parts, in time order. */
    public record Parts(List<VerdictExample> train, List<VerdictExample> heldOut) {
    }

    /** The split, or empty with {@code why} filled in. */
    public Optional<Parts> split(List<VerdictExample> verdicts, StringBuilder why) {
        List<VerdictExample> sorted = new ArrayList<>(verdicts);
        sorted.sort(Comparator.comparing(VerdictExample::raisedAt).thenComparing(VerdictExample::alertId));
        int heldOut = (int) Math.round(sorted.size() * heldOutFraction);
        Parts parts = new Parts(List.copyOf(sorted.subList(0, sorted.size() - heldOut)),
                List.copyOf(sorted.subList(sorted.size() - heldOut, sorted.size())));
        long trainTp = parts.train().stream().filter(VerdictExample::truePositive).count();
        long heldTp = parts.heldOut().stream().filter(VerdictExample::truePositive).count();
        long trainOther = parts.train().size() - trainTp;
        long heldOther = parts.heldOut().size() - heldTp;
        if (trainTp < minTrainEach || trainOther < minTrainEach || heldTp < minHeldOutEach || heldOther < minHeldOutEach) {
            why.append("not enough verdicts to train and test a challenger: of ").append(sorted.size())
                    .append(" usable verdicts, the earliest ").append(parts.train().size()).append(" (training) hold ")
                    .append(trainTp).append(" true positives and ").append(trainOther)
                    .append(" others, the latest ").append(heldOut).append(" (held out) hold ").append(heldTp)
                    .append(" and ").append(heldOther).append("; each needs at least ").append(minTrainEach)
                    .append(" (training) and ").append(minHeldOutEach).append(" (held out) of both kinds");
            return Optional.empty();
        }
        return Optional.of(parts);
    }
}
