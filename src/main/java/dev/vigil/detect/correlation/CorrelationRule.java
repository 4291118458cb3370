package dev.vigil.detect.correlation;

import dev.vigil.detect.RuleLevel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Sigma correlation rule as read.
 *
 * @param rules     the referenced rules (detection or correlation), by id or name, in order
 * @param groupBy   group-by fields or aliases; events are correlated only within equal values of all of them
 * @param timespan  the window
 * @param condition when it fires; for temporal types, defaults to "all referenced rules seen"
 * @param field     the aggregated field of value_* types, null otherwise
 * @param aliases   alias name → (referenced rule name or id → event field)
 * @param generate  whether the referenced rules also raise alerts of their own
 */
public record CorrelationRule(String origin, int line, String id, String name, String title, RuleLevel level,
                              List<String> tags, CorrelationType type, List<String> rules, List<String> groupBy,
                              Duration timespan, CorrelationCondition condition, String field,
                              Map<String, Map<String, String>> aliases, boolean generate) {

    public CorrelationRule {
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }
}
