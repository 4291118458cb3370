package dev.vigil.analyst.triage;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.detect.RuleLevel;

import java.util.List;
import java.util.Objects;

/**
 * Everything triage knows about one alert and its tenant's history at the moment it is scored. Counts are of the
 * same tenant only, and of alerts before this one.
 *
 * @param ruleClosed        earlier alerts of this rule closed with a verdict
 * @param ruleTruePositives of those, closed as true positive
 * @param ruleAlerts24h     alerts of this rule in the 24 hours before
 * @param entityAlerts24h   alerts on the same entity (group key) in the 24 hours before
 * @param entityRules24h    distinct rules among those
 * @param ruleEntities7d    distinct entities this rule fired on in the 7 days before (a noisy rule fires everywhere)
 * @param hourOfDay         the alert's first-seen hour, UTC
 * @param tactics           the ATT&amp;CK tactics the rule is tagged with
 */
public record TriageContext(RuleLevel level, int ruleClosed, int ruleTruePositives, int ruleAlerts24h,
                            int entityAlerts24h, int entityRules24h, int ruleEntities7d, int hourOfDay,
                            AnomalySignal anomaly, SimilarVerdictSummary similar, List<String> tactics, long eventCount,
                            boolean correlation) {

    public TriageContext {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(anomaly, "anomaly");
        Objects.requireNonNull(similar, "similar");
        tactics = List.copyOf(tactics);
        if (ruleTruePositives > ruleClosed || hourOfDay < 0 || hourOfDay > 23) {
            throw new IllegalArgumentException("inconsistent triage context: " + ruleTruePositives + " of " + ruleClosed
                    + " true positives, hour " + hourOfDay);
        }
    }
}
