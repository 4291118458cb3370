package dev.vigil.detect.sigma;

import dev.vigil.detect.RuleLevel;

import java.util.List;

/**
 * A Sigma detection rule as written (parsed, not yet compiled).
 *
 * @param origin         where it came from
 * @param line           the line its document starts on
 * @param id             the rule's {@code id}; when the rule has none, a stable id derived from origin and title
 * @param name           the rule's {@code name} (used by correlation rules), or null
 * @param title          the rule's title
 * @param status         the rule's status ({@code stable}, {@code test}, ...), or null
 * @param level          the rule's level ({@code medium} when the rule gives none)
 * @param description    the description, or null
 * @param author         the author, or null
 * @param tags           tags as written
 * @param falsePositives the {@code falsepositives} entries
 * @param logSource      the events the rule applies to
 * @param detection      the detection section
 */
public record SigmaRule(String origin, int line, String id, String name, String title, String status, RuleLevel level,
                        String description, String author, List<String> tags, List<String> falsePositives,
                        RuleLogSource logSource, Detection detection) implements RuleDocument {

    public SigmaRule {
        tags = List.copyOf(tags);
        falsePositives = List.copyOf(falsePositives);
    }
}
