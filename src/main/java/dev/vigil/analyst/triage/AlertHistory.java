package dev.vigil.analyst.triage;

import dev.vigil.analyst.AnomalySignal;
import dev.vigil.analyst.SimilarVerdictSummary;
import dev.vigil.detect.RuleLevel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a {@link TriageContext} for an alert from the tenant's earlier alerts. Pure: the appliance feeds it rows from
 * its database, the factory pipeline feeds it simulated alerts, so both compute features the same way.
 */
public final class AlertHistory {

    private AlertHistory() {
    }

    /**
     * An earlier (or the scored) alert as history sees it.
     *
     * @param truePositive null while the alert has no verdict
     */
    public record Past(String id, String ruleId, String groupKey, Instant firstSeen, Boolean truePositive) {
    }

    /** The alert being scored. */
    public record Scored(String id, String ruleId, String groupKey, RuleLevel level, List<String> tags, Instant firstSeen,
                         long eventCount, boolean correlation) {
    }

    /** The context of {@code alert} given {@code history} (any order; only alerts before it count). */
    public static TriageContext context(Scored alert, List<Past> history, AnomalySignal anomaly, SimilarVerdictSummary similar) {
        Instant day = alert.firstSeen().minus(Duration.ofDays(1));
        Instant week = alert.firstSeen().minus(Duration.ofDays(7));
        int ruleClosed = 0;
        int ruleTp = 0;
        int rule24 = 0;
        int entity24 = 0;
        Set<String> entityRules = new HashSet<>();
        Set<String> ruleEntities = new HashSet<>();
        for (Past p : history) {
            if (p.id().equals(alert.id()) || !p.firstSeen().isBefore(alert.firstSeen())) {
                continue;
            }
            boolean sameRule = p.ruleId().equals(alert.ruleId());
            if (sameRule && p.truePositive() != null) {
                ruleClosed++;
                ruleTp += p.truePositive() ? 1 : 0;
            }
            if (!p.firstSeen().isBefore(day)) {
                if (sameRule) {
                    rule24++;
                }
                if (p.groupKey().equals(alert.groupKey()) && !alert.groupKey().isEmpty()) {
                    entity24++;
                    entityRules.add(p.ruleId());
                }
            }
            if (sameRule && !p.firstSeen().isBefore(week)) {
                ruleEntities.add(p.groupKey());
            }
        }
        return new TriageContext(alert.level(), ruleClosed, ruleTp, rule24, entity24, entityRules.size(),
                ruleEntities.size(), alert.firstSeen().atZone(ZoneOffset.UTC).getHour(), anomaly, similar,
                tactics(alert.tags()), alert.eventCount(), alert.correlation());
    }

    /** The ATT&amp;CK tactics among Sigma tags ({@code attack.<tactic>}, not technique ids). */
    static List<String> tactics(List<String> tags) {
        return tags.stream().map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> t.startsWith("attack."))
                .map(t -> t.substring("attack.".length())).filter(t -> !t.matches("[tgs]\\d+.*")).distinct().sorted().toList();
    }
}
