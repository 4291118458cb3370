package dev.vigil.analyst.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An incident's combined score, from its alerts' probabilities of being true positives (the triage model's, or a prior
 * from the rule level where triage fell back or has not run yet) and from how far its tactic chain progresses. Pure.
 *
 * <p>{@code base} is the noisy-OR of the ten most probable alerts, {@code 1 − Π(1 − pᵢ)}: the chance that at least one
 * is real if they were independent; it never falls when an alert joins. {@code chain} adds a tenth of what remains
 * for every forward step of the tactic chain beyond the first tactic (at most half): a chain from initial access
 * through credential access to lateral movement is a story, not coincidence. The score is
 * {@code base + (1 − base) × chainBonus}, in [0, 1), and the priority follows the alerts' bands (P1 from 0.8).
 */
public final class IncidentScore {

    private IncidentScore() {
    }

    /** The score and its parts, in words for the page. */
    public record Score(double value, double base, double chainBonus, String priority, String explanation) {
    }

    public static Score of(List<Double> probabilities, TacticChain chain) {
        List<Double> p = new ArrayList<>(probabilities);
        p.sort(Comparator.reverseOrder());
        double none = 1;
        for (int i = 0; i < Math.min(10, p.size()); i++) {
            none *= 1 - Math.max(0, Math.min(0.99, p.get(i)));
        }
        double base = 1 - none;
        double bonus = Math.min(0.5, 0.1 * chain.forwardSteps());
        double value = Math.min(0.999, base + (1 - base) * bonus);
        String why = String.format(Locale.ROOT, "%d alert(s), at least one real with probability %.2f", p.size(), base)
                + (bonus > 0 ? String.format(Locale.ROOT, "; tactic chain moves forward %d step(s) (+%.0f%% of the rest)",
                chain.forwardSteps(), bonus * 100) : "");
        String priority = value >= 0.8 ? "P1" : value >= 0.5 ? "P2" : value >= 0.2 ? "P3" : "P4";
        return new Score(value, base, bonus, priority, why);
    }
}
