package dev.vigil.console.web;

import dev.vigil.detect.RuleLevel;
import dev.vigil.detect.alert.Alert;
import dev.vigil.detect.alert.AlertStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of open alerts (new or acknowledged) by level, most severe first, and the rules that raised most of them.
 * Pure logic over a list of alerts.
 */
public record AlertTally(long open, Map<RuleLevel, Long> byLevel, List<RuleCount> topRules) {

    /** How many open alerts one rule raised. */
    public record RuleCount(String ruleId, String title, long count) {
    }

    /** Tallies the open alerts among {@code alerts}; keeps the {@code top} rules with most open alerts. */
    public static AlertTally of(List<Alert> alerts, int top) {
        Map<RuleLevel, Long> levels = new EnumMap<>(RuleLevel.class);
        Map<String, RuleCount> rules = new LinkedHashMap<>();
        long open = 0;
        for (Alert a : alerts) {
            if (a.status() == AlertStatus.CLOSED) {
                continue;
            }
            open++;
            levels.merge(a.level(), 1L, Long::sum);
            rules.merge(a.ruleId(), new RuleCount(a.ruleId(), a.title(), 1),
                    (x, y) -> new RuleCount(x.ruleId(), x.title(), x.count() + y.count()));
        }
        Map<RuleLevel, Long> ordered = new LinkedHashMap<>();
        List<RuleLevel> severeFirst = new ArrayList<>(List.of(RuleLevel.values()));
        severeFirst.sort(Comparator.reverseOrder());
        severeFirst.forEach(l -> ordered.put(l, levels.getOrDefault(l, 0L)));
        List<RuleCount> topRules = rules.values().stream()
                .sorted(Comparator.comparingLong(RuleCount::count).reversed().thenComparing(RuleCount::ruleId))
                .limit(top).toList();
        return new AlertTally(open, ordered, topRules);
    }
}
