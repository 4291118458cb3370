package dev.vigil.detect;

import dev.vigil.event.NormalizedEvent;

import java.util.List;
import java.util.Objects;

/**
 * One event matching one enabled detection rule: what the streaming evaluator emits, and what correlation rules and
 * alerting consume.
 *
 * @param ruleId   the rule's {@code id} (a UUID in SigmaHQ rules)
 * @param ruleName the rule's {@code name}, which correlation rules may refer to; null when the rule has none
 * @param title    the rule's title
 * @param level    the rule's level
 * @param tags     the rule's tags as written ({@code attack.t1059.001}, {@code attack.execution})
 * @param event    the matching event
 * @param matched  the fields and event values the rule's conditions matched on, in rule order; empty for keyword rules
 *                 matched on free text only
 */
public record RuleMatch(String ruleId, String ruleName, String title, RuleLevel level, List<String> tags,
                        NormalizedEvent event, List<MatchedField> matched) {

    public RuleMatch {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(event, "event");
        tags = List.copyOf(tags);
        matched = List.copyOf(matched);
    }
}
