package dev.vigil.detect.correlation;

import dev.vigil.detect.RuleLevel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma correlation rule as read and validated by {@link CorrelationRuleReader}.
 *
 * <p>Guarantees: immutable; {@code id} and {@code title} never null ({@code id} is derived from file and title when the
 * rule has none); {@code rules} non-empty without duplicates; {@code timespan} positive; the condition names a field
 * exactly when the type needs one; every alias maps only rules this correlation refers to.
 *
 * @param origin    the file (or other source) the rule came from
 * @param line      the line its document starts on
 * @param rules     the referenced rules (detection or correlation), by id or name, in order
 * @param groupBy   group-by fields or aliases; matches correlate only when all of them have equal values
 * @param timespan  the window
 * @param condition when it fires; for temporal types without one, "every referenced rule seen"
 * @param aliases   alias name → (referenced rule name or id → event field)
 * @param generate  whether the referenced rules also raise alerts of their own
 * @param metadata  status, description, author, dates, references, false positives, taxonomy
 */
public record CorrelationRule(String origin, int line, String id, String name, String title, RuleLevel level,
                              List<String> tags, CorrelationType type, List<String> rules, List<String> groupBy,
                              Duration timespan, CorrelationCondition condition, Map<String, Map<String, String>> aliases,
                              boolean generate, CorrelationMetadata metadata) {

    public CorrelationRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timespan, "timespan");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(metadata, "metadata");
        tags = List.copyOf(tags);
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    /** The event field that a group-by name or condition field means in matches of the rule referenced as given. */
    public String fieldFor(String name, String referencedAs) {
        Map<String, String> alias = aliases.get(name);
        return alias == null ? name : alias.getOrDefault(referencedAs, name);
    }

    /** How the rule reads in messages: {@code 'Title' (id)}. */
    public String label() {
        return "'" + title + "' (" + id + ")";
    }
}
